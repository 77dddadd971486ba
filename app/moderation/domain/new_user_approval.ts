import type { AuthUser } from '#accounts/public'
import { PendingPosts } from '#board/public'
import { allows } from '#core/authorization/authorize'
import config from '#moderation/config'
import ApprovalPolicy from '#moderation/policies/approval_policy'

/**
 * The board's approval rule (registered at boot): with
 * NEW_USER_APPROVAL_POSTS = N > 0, a member's post waits for a moderator
 * until N of their posts have been published (at once or approved; deleted
 * since or not). Staff never wait. Trust grows with approvals: the N-th
 * approved post makes the next one live at once.
 */
export async function needsApproval(author: AuthUser) {
  const needed = config.get().newUserApprovalPosts
  if (needed <= 0) return false
  if (await allows(author, ApprovalPolicy, 'skipQueue')) return false
  return (await PendingPosts.publishedCount(author.id, needed)) < needed
}
