import vine from '@vinejs/vine'
import env from '#start/env'
import { definePluginConfig } from '#core/plugins/plugin_config'

/** Worker and digest settings (start/env.ts checks the types, this schema the ranges). */
export default definePluginConfig({
  schema: vine.object({
    /** Run the fan-out and digest worker in web processes. */
    worker: vine.boolean(),
    pollIntervalMs: vine.number().withoutDecimals().range([10, 3_600_000]),
    /** Recipients written per fan-out batch (one multi-row insert). */
    batchSize: vine.number().withoutDecimals().range([10, 5000]),
    /** At most one digest mail per member per this many minutes. */
    digestMinutes: vine.number().withoutDecimals().range([1, 10_080]),
  }),
  values: () => ({
    worker: env.get('NOTIFY_WORKER') ?? true,
    pollIntervalMs: env.get('NOTIFY_POLL_INTERVAL_MS') ?? 1000,
    batchSize: env.get('NOTIFY_BATCH_SIZE') ?? 500,
    digestMinutes: env.get('NOTIFY_EMAIL_DIGEST_MINUTES') ?? 15,
  }),
})
