import vine from '@vinejs/vine'
import env from '#start/env'
import { definePluginConfig } from '#core/plugins/plugin_config'

/**
 * REPORTS_TO_HIDE: distinct members whose open reports hide a post or
 * comment until a moderator decides (0: reports never hide).
 * RATE_LIMIT_REPORTS_PER_USER: reports a member may send per minute.
 */
export default definePluginConfig({
  schema: vine.object({
    reportsToHide: vine.number().withoutDecimals().min(0).max(1000),
    reportsPerUserPerMinute: vine.number().withoutDecimals().min(1),
  }),
  values: () => ({
    reportsToHide: env.get('REPORTS_TO_HIDE') ?? 3,
    reportsPerUserPerMinute: env.get('RATE_LIMIT_REPORTS_PER_USER') ?? 10,
  }),
})
