import db from '@adonisjs/lucid/services/db'
import type { AuthUser } from '#accounts/public'
import { PendingPosts, type PostWithStatus } from '#board/public'
import { AppException } from '#core/exceptions/app_exception'
import { authorize } from '#core/authorization/authorize'
import ApprovalPolicy from '#moderation/policies/approval_policy'
import { decodeCursor, encodeCursor } from '#moderation/domain/cursor'

export interface ApprovalQueuePage {
  total: number
  post_list: PostWithStatus[]
  next_cursor: string | null
}

/**
 * The approval queue (NEW_USER_APPROVAL_POSTS): posts waiting for a
 * moderator, oldest first, a keyset page at a time; approving or rejecting
 * one, each in one transaction (the board's PendingPosts under the post's
 * row lock), so of two moderators deciding at once one wins and the other
 * gets 409 E_NOT_PENDING. The board emits `post:approved` (then
 * `post:created`) or `post:rejected` once the transaction commits: audit,
 * webhooks, notifications.
 */
export class ApprovalQueue {
  async list(actor: AuthUser, query: { size?: number; cursor?: string }) {
    await authorize(actor, ApprovalPolicy, 'decide')
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor)
    if (query.cursor !== undefined && after === null) {
      throw AppException.unprocessable('Not a cursor of this list', 'cursor')
    }
    const { total, items, more } = await PendingPosts.list({
      afterId: after,
      size: query.size ?? 20,
    })
    return {
      total,
      post_list: items,
      next_cursor: more ? encodeCursor(items[items.length - 1].id) : null,
    } satisfies ApprovalQueuePage
  }

  async approve(actor: AuthUser, postId: number) {
    await authorize(actor, ApprovalPolicy, 'decide')
    await db.transaction((trx) => PendingPosts.approve(trx, postId, actor.id))
    return (await PendingPosts.detail(postId))!
  }

  async reject(actor: AuthUser, postId: number, reason: string | null) {
    await authorize(actor, ApprovalPolicy, 'decide')
    await db.transaction((trx) => PendingPosts.reject(trx, postId, actor.id, reason))
    return (await PendingPosts.detail(postId))!
  }
}
