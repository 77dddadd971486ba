import vine from '@vinejs/vine'
import env from '#start/env'
import { definePluginConfig } from '#core/plugins/plugin_config'

/**
 * REPORTS_TO_HIDE: distinct members whose open reports hide a post or
 * comment until a moderator decides (0: reports never hide).
 * Reports' rate limits are the accounts plugin's spam limits on writes
 * (RATE_LIMIT_REPORTS_PER_USER, _PER_IP, RATE_LIMIT_NEW_USER_REPORTS).
 * NEW_USER_APPROVAL_POSTS: a member's posts wait for a moderator's approval
 * until this many of theirs are published (0: off; staff never wait).
 */
export default definePluginConfig({
  schema: vine.object({
    reportsToHide: vine.number().withoutDecimals().min(0).max(1000),
    newUserApprovalPosts: vine.number().withoutDecimals().min(0).max(1000),
  }),
  values: () => ({
    reportsToHide: env.get('REPORTS_TO_HIDE') ?? 3,
    newUserApprovalPosts: env.get('NEW_USER_APPROVAL_POSTS') ?? 0,
  }),
})
