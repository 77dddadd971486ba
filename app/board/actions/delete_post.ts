import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { AuthUser } from '#accounts/public'
import { sqlNow } from '#core/database/sql_now'
import { authorize } from '#core/authorization/authorize'
import PostPolicy from '#board/policies/post_policy'
import { lockPost } from '#board/services/live_post'
import { PendingPosts } from '#board/actions/pending_posts'
import { BoardCache } from '#board/services/board_cache'
import { SearchIndex } from '#board/search/post_search'
import { PostTags, tagsOf } from '#board/services/post_tags'
import { makePostLive } from '#board/services/make_post_live'
import { CategoryAccess } from '#board/services/category_access'

/**
 * Soft delete and restore. The row, its versions and comments stay; the
 * category's post count and the search index follow in the same transaction.
 */
export class DeletePost {
  async delete(actor: AuthUser, postId: number) {
    await CategoryAccess.assertReachable(actor, 'post', postId)
    // A post waiting for approval is withdrawn instead: it was never counted or announced.
    if (await PendingPosts.withdraw(actor, postId)) return
    const post = await db.transaction(async (trx) => {
      const row = await lockPost(trx, postId)
      const othersCommented = await trx
        .from('comments')
        .where('post_id', postId)
        .whereNot('user_id', row.userId)
        .whereNull('deleted_at')
        .first()
      await authorize(actor, PostPolicy, 'delete', row, Boolean(othersCommented))
      // Counter first: on MariaDB the posts update checks the foreign keys of the indexes that
      // hold deleted_at, a shared lock on the category row; two deletes holding it could not
      // both upgrade to the counter's update (deadlock), as with creates.
      await trx.from('categories').where('id', row.categoryId).decrement('post_count', 1)
      await trx.from('posts').where('id', postId).update({ deleted_at: sqlNow() })
      await SearchIndex.remove(trx, postId)
      await PostTags.hide(trx, postId, tagsOf(row.tags))
      return row
    })
    await BoardCache.postChanged(post)
    await BoardCache.membersChanged(await commentersOf(post.id))
    await emitter.emit('post:deleted', { postId: post.id, actorId: actor.id })
  }

  async restore(actor: AuthUser, postId: number) {
    await CategoryAccess.assertReachable(actor, 'post', postId)
    const post = await db.transaction(async (trx) => {
      const row = await lockPost(trx, postId, { deleted: true })
      await authorize(actor, PostPolicy, 'restore', row)
      await makePostLive(trx, row)
      return row
    })
    await BoardCache.postChanged(post)
    await BoardCache.membersChanged(await commentersOf(post.id))
    await emitter.emit('post:restored', { postId: post.id, actorId: actor.id })
  }
}

/** Authors of the post's live comments: those comments are hidden or shown with the post. */
async function commentersOf(postId: number) {
  const rows = await db
    .from('comments')
    .where('post_id', postId)
    .whereNull('deleted_at')
    .distinct('user_id')
  return rows.map((row) => Number(row.user_id))
}
