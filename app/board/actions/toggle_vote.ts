import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import { assertMayContribute, type AuthUser } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import { forUpdate } from '#core/database/for_update'
import { sqlNow } from '#core/database/sql_now'
import { BoardCache } from '#board/services/board_cache'
import { authorize } from '#core/authorization/authorize'
import PostPolicy from '#board/policies/post_policy'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { assertReadable } from '#board/policies/category_access_policy'

type Target = 'post' | 'comment'

const TABLES = {
  post: { table: 'posts', votes: 'post_votes', key: 'post_id' },
  comment: { table: 'comments', votes: 'comment_votes', key: 'comment_id' },
} as const

/**
 * Toggles the caller's vote. The voted row is locked first, so concurrent
 * votes on it queue up; the vote row and the counter change in one
 * transaction, which keeps the count exact.
 */
export class ToggleVote {
  async handle(actor: AuthUser, target: Target, targetId: number) {
    await assertMayContribute(actor)
    const { table, votes, key } = TABLES[target]
    // Read before the transaction: a cache miss loads the tree on another connection, which
    // SQLite's single one, held by the transaction, could never give.
    const tree = await CategoryTreeCache.get()
    const result = await db.transaction(async (trx) => {
      const row = await forUpdate(trx.from(table).where('id', targetId)).first()
      if (!row || row.deleted_at)
        throw AppException.notFound(target === 'post' ? 'Post' : 'Comment')
      let post = row
      if (target === 'comment') {
        // Locked too (comment, then post: the order comment writes take), so a lock waits for it.
        post = await forUpdate(trx.from('posts').where('id', row.post_id)).first()
        if (post?.deleted_at) post = null
        if (!post) throw AppException.notFound('Post')
      }
      // A post the voter may not read (category permissions) does not exist for them.
      assertReadable(
        actor,
        tree,
        tree.byId(Number(post.category_id)),
        target === 'post' ? 'Post' : 'Comment'
      )
      // A locked post takes no votes, on itself or its comments (423).
      await authorize(actor, PostPolicy, 'contribute', {
        userId: Number(post.user_id),
        lockedAt: post.locked_at,
      })

      const removed = await trx
        .from(votes)
        .where({ user_id: actor.id, [key]: targetId })
        .delete()
      const voted = Number(removed) === 0
      if (voted) {
        await trx.table(votes).insert({ user_id: actor.id, [key]: targetId, created_at: sqlNow() })
        await trx.from(table).where('id', targetId).increment('vote_count', 1)
      } else {
        await trx.from(table).where('id', targetId).decrement('vote_count', 1)
      }
      const counted = await trx.from(table).where('id', targetId).select('vote_count').firstOrFail()
      const postId = Number(post.id)
      return {
        voted,
        vote: Number(counted.vote_count),
        post: { id: postId, categoryId: Number(post.category_id), userId: Number(post.user_id) },
        // A comment's votes show in its author's list of comments.
        commentAuthorId: target === 'comment' ? Number(row.user_id) : null,
      }
    })

    await BoardCache.postChanged(result.post)
    if (result.commentAuthorId) await BoardCache.membersChanged([result.commentAuthorId])
    await emitter.emit('vote:toggled', {
      target,
      targetId,
      userId: actor.id,
      voted: result.voted,
      votes: result.vote,
    })
    return { voted: result.voted, vote: result.vote }
  }
}
