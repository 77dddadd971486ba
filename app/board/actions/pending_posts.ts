import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AuthUser } from '#accounts/public'
import Post from '#board/models/post'
import { AppException } from '#core/exceptions/app_exception'
import { allows, authorize } from '#core/authorization/authorize'
import { forUpdate } from '#core/database/for_update'
import { sqlNow } from '#core/database/sql_now'
import PendingPostPolicy from '#board/policies/pending_post_policy'
import { BoardCache } from '#board/services/board_cache'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { contentExtensions } from '#board/services/content_extensions'
import { postQuery } from '#board/services/post_query'
import { makePostLive } from '#board/services/make_post_live'
import { postDetailJson, type PostRow } from '#board/transformers/post_json'

/** Where a post stands: waiting, published (live or deleted since), or rejected/withdrawn. */
export type PostStatus = 'pending' | 'published' | 'deleted' | 'rejected'

export type PostWithStatus = ReturnType<typeof postDetailJson> & { status: PostStatus }

/** What the decision's caller (the moderation plugin) needs about the post. */
export interface DecidedPost {
  postId: number
  userId: number
  categoryId: number
}

type StatusRow = PostRow & {
  deleted_at: unknown
  pending: unknown
  rejected_at: unknown
}

/**
 * Posts held for approval (CreatePost writes them deleted and pending):
 * the queue, and approving or rejecting one in the caller's transaction.
 * The caller decides who may (the moderation plugin's policy), as with
 * ModerateContent. Approving publishes the post as CreatePost would have:
 * the category's count, its tags' counts, the search index, then (after
 * commit) the caches, `post:approved` and `post:created` (notifications,
 * webhooks, realtime). Rejecting leaves it deleted for good and emits
 * `post:rejected` (the author is notified).
 */
export class PendingPosts {
  /**
   * Waiting posts, oldest first, from the index `(pending, id)`:
   * `WHERE pending = 1 AND id > ? ORDER BY id LIMIT size + 1`.
   */
  static async list(page: { afterId: number | null; size: number }) {
    const query = postQuery()
      .where('p.pending', 1)
      .select('p.deleted_at', 'p.pending', 'p.rejected_at')
      .orderBy('p.id', 'asc')
      .limit(page.size + 1)
    if (page.afterId) query.where('p.id', '>', page.afterId)
    const rows = (await query) as StatusRow[]
    const total = await db.from('posts').where('pending', 1).count('* as total').first()
    const items = await withStatus(rows.slice(0, page.size))
    return { total: Number(total.total), items, more: rows.length > page.size }
  }

  /** Any post with its status (staff views of the queue and its decisions); null when none. */
  static async detail(postId: number): Promise<PostWithStatus | null> {
    const row = (await postQuery()
      .where('p.id', postId)
      .select('p.deleted_at', 'p.pending', 'p.rejected_at')
      .first()) as StatusRow | null
    if (!row) return null
    const [item] = await withStatus([row])
    return item
  }

  /**
   * A waiting post for its author or staff (`GET /post/{id}`, never cached):
   * null when it is not waiting or this reader may not see it.
   */
  static async showTo(actor: AuthUser, postId: number) {
    const post = await db.from('posts').where('id', postId).select('user_id', 'pending').first()
    if (!post?.pending) return null
    if (!(await allows(actor, PendingPostPolicy, 'view', { userId: Number(post.user_id) }))) {
      return null
    }
    const detail = await PendingPosts.detail(postId)
    return detail?.status === 'pending' ? detail : null
  }

  /**
   * Posts of a member that were published (at once or approved), deleted
   * since or not, counted up to `atMost`: the approval rule's trust. Reads
   * the member's posts by the index `(user_id, deleted_at, id)`.
   */
  static async publishedCount(userId: number, atMost: number) {
    if (atMost <= 0) return 0
    const rows = await db
      .from('posts')
      .where('user_id', userId)
      .whereNull('pending')
      .whereNull('rejected_at')
      .select('id')
      .limit(atMost)
    return rows.length
  }

  /** Publishes a waiting post; 404 when missing, 409 E_NOT_PENDING when decided already. */
  static async approve(
    trx: TransactionClientContract,
    postId: number,
    actorId: number
  ): Promise<DecidedPost> {
    const row = await lockPending(trx, postId)
    const current = await makePostLive(trx, row, { pending: null })
    const decided = { postId, userId: row.userId, categoryId: row.categoryId }
    trx.after('commit', async () => {
      await BoardCache.postChanged(row)
      await emitter.emit('content:visibility-changed', {
        kind: 'post',
        id: postId,
        postId,
        visible: true,
      })
      await emitter.emit('post:approved', { ...decided, actorId })
      // As if created now: watchers and mentions are notified, webhooks and realtime told.
      await emitter.emit('post:created', {
        ...decided,
        title: current.title,
        content: current.content,
      })
    })
    return decided
  }

  /** Rejects a waiting post: it stays deleted, for good; 404 / 409 E_NOT_PENDING as approve. */
  static async reject(
    trx: TransactionClientContract,
    postId: number,
    actorId: number,
    reason: string | null
  ): Promise<DecidedPost> {
    const row = await lockPending(trx, postId)
    await trx.from('posts').where('id', postId).update({ pending: null, rejected_at: sqlNow() })
    const decided = { postId, userId: row.userId, categoryId: row.categoryId }
    trx.after('commit', async () => {
      await BoardCache.postChanged(row)
      await emitter.emit('post:rejected', { ...decided, actorId, reason })
    })
    return decided
  }

  /**
   * The author takes back a waiting post (`DELETE /post/{id}`): rejected
   * without a moderator, no event. False when the post is not waiting (the
   * ordinary delete follows).
   */
  static async withdraw(actor: AuthUser, postId: number) {
    const seen = await db.from('posts').where('id', postId).select('pending').first()
    if (!seen?.pending) return false
    const row = await db.transaction(async (trx) => {
      const locked = await forUpdate(Post.query({ client: trx }).where('id', postId)).first()
      if (!locked?.pending) return null
      await authorize(actor, PendingPostPolicy, 'withdraw', locked)
      await trx.from('posts').where('id', postId).update({ pending: null, rejected_at: sqlNow() })
      return locked
    })
    if (!row) return false
    await BoardCache.postChanged(row)
    return true
  }
}

async function lockPending(trx: TransactionClientContract, postId: number) {
  const row = await forUpdate(Post.query({ client: trx }).where('id', postId)).first()
  if (!row) throw AppException.notFound('Post')
  if (!row.pending) {
    throw new AppException('This post is not awaiting approval', {
      status: 409,
      code: 'E_NOT_PENDING',
    })
  }
  return row
}

async function withStatus(rows: StatusRow[]): Promise<PostWithStatus[]> {
  const tree = await CategoryTreeCache.get()
  const details = rows.map((row) => ({
    ...postDetailJson(row, tree),
    status: statusOf(row),
  }))
  const { items } = await contentExtensions.addFields('post', details, (p) => p)
  return items
}

function statusOf(row: StatusRow): PostStatus {
  if (row.pending) return 'pending'
  if (row.rejected_at) return 'rejected'
  return row.deleted_at ? 'deleted' : 'published'
}
