import { DateTime } from 'luxon'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assertMayContribute, type AuthUser } from '#accounts/public'
import Comment from '#board/models/comment'
import CommentVersion from '#board/models/comment_version'
import { AppException } from '#core/exceptions/app_exception'
import { forUpdate } from '#core/database/for_update'
import { sqlNow } from '#core/database/sql_now'
import { authorize } from '#core/authorization/authorize'
import CommentPolicy from '#board/policies/comment_policy'
import PostPolicy from '#board/policies/post_policy'
import { lockPost } from '#board/services/live_post'
import { recomputeActivity } from '#board/services/post_activity'
import { BoardCache } from '#board/services/board_cache'
import { contentHooks } from '#core/plugins/content_hooks'
import { commentValidator } from '#board/validators/board_validators'
import Post from '#board/models/post'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import CategoryAccessPolicy, { assertReadable } from '#board/policies/category_access_policy'
import { CategoryAccess } from '#board/services/category_access'
import { contentExtensions } from '#board/services/content_extensions'

/**
 * Comment writes: create (version 1), edit (version n+1), soft delete and
 * restore. Only on live posts; the post's comment count changes in the
 * same transaction. Plugins' `comment:creating` and `comment:updating`
 * hooks may change or refuse the text before the transaction starts.
 * `attachments` go to the plugin that stores them, in the transaction;
 * left out of an edit, the previous version's are kept.
 */
export class CommentWrites {
  async create(
    actor: AuthUser,
    postId: number,
    given: string,
    options: { attachments?: number[]; replyTo?: number | null } = {}
  ) {
    const replyTo = options.replyTo ?? null
    await assertMayContribute(actor)
    const attachments = contentExtensions.attachmentsOf(options.attachments)
    // A missing post answers 404 before a hook's refusal; lockPost checks again.
    const post = await Post.query().where('id', postId).whereNull('deleted_at').first()
    if (!post) throw AppException.notFound('Post')
    // Category permissions: a post the caller may not read is 404, commenting may be refused (403).
    const tree = await CategoryTreeCache.get()
    const category = tree.byId(post.categoryId)
    assertReadable(actor, tree, category, 'Post')
    await authorize(actor, CategoryAccessPolicy, 'comment', tree, category)
    await authorize(actor, PostPolicy, 'contribute', post)
    if (replyTo !== null) await assertReplyable(postId, replyTo)
    const hooked = await contentHooks.run('comment:creating', {
      userId: actor.id,
      postId,
      content: given,
    })
    // A hook may have changed the text: it must still satisfy the same rules (422 otherwise).
    const { content } = await commentValidator.validate({ content: hooked.content })
    const comment = await db.transaction(async (trx) => {
      // Locked meanwhile? The lock makes the check and the insert one step.
      await authorize(actor, PostPolicy, 'contribute', await lockPost(trx, postId))
      const row = await Comment.create(
        { postId, userId: actor.id, currentVersion: 1, replyToId: replyTo },
        { client: trx }
      )
      // Version 1 has the comment's own time.
      await CommentVersion.create(
        { commentId: row.id, version: 1, content, userId: actor.id, createdAt: row.createdAt },
        { client: trx }
      )
      await contentExtensions.written({
        trx,
        kind: 'comment',
        id: row.id,
        postId,
        version: 1,
        userId: actor.id,
        baseVersion: null,
        attachments,
      })
      // The post's activity is its newest comment's time (sort=activity), in the same write.
      await trx
        .from('posts')
        .where('id', postId)
        .update({
          comment_count: trx.raw('comment_count + 1'),
          last_activity_at: sqlNow(row.createdAt),
        })
      return row
    })
    await postListsChanged(postId, actor.id)
    await emitter.emit('comment:created', {
      commentId: comment.id,
      postId,
      userId: actor.id,
      content,
      replyToId: replyTo,
    })
    return comment
  }

  async edit(
    actor: AuthUser,
    commentId: number,
    given: string,
    options: { attachments?: number[] } = {}
  ) {
    const attachments = contentExtensions.attachmentsOf(options.attachments)
    const existing = await Comment.query().where('id', commentId).whereNull('deleted_at').first()
    if (!existing) throw AppException.notFound('Comment')
    await CategoryAccess.assertReachable(actor, 'comment', commentId)
    await authorize(actor, CommentPolicy, 'edit', existing)
    const hooked = await contentHooks.run('comment:updating', {
      userId: actor.id,
      commentId,
      content: given,
    })
    // A hook may have changed the text: it must still satisfy the same rules (422 otherwise).
    const { content } = await commentValidator.validate({ content: hooked.content })
    const result = await db.transaction(async (trx) => {
      const comment = await lockComment(trx, commentId)
      await authorize(actor, CommentPolicy, 'edit', comment)
      // The comment's updated_at is its newest version's time.
      const at = DateTime.utc()
      await trx
        .from('comments')
        .where('id', commentId)
        .update({ current_version: trx.raw('current_version + 1'), updated_at: sqlNow(at) })
      const row = await trx
        .from('comments')
        .where('id', commentId)
        .select('current_version')
        .firstOrFail()
      const version = Number(row.current_version)
      await CommentVersion.create(
        { commentId, version, content, userId: actor.id, createdAt: at },
        { client: trx }
      )
      await contentExtensions.written({
        trx,
        kind: 'comment',
        id: commentId,
        postId: comment.postId,
        version,
        userId: actor.id,
        baseVersion: comment.currentVersion,
        attachments,
      })
      return { comment, version }
    })
    await BoardCache.membersChanged([result.comment.userId])
    await emitter.emit('comment:updated', {
      commentId,
      postId: result.comment.postId,
      userId: actor.id,
      version: result.version,
      content,
    })
    return result
  }

  async delete(actor: AuthUser, commentId: number) {
    await CategoryAccess.assertReachable(actor, 'comment', commentId)
    const comment = await db.transaction(async (trx) => {
      const row = await lockComment(trx, commentId)
      await authorize(actor, CommentPolicy, 'delete', row)
      await trx.from('comments').where('id', commentId).update({ deleted_at: sqlNow() })
      await trx.from('posts').where('id', row.postId).decrement('comment_count', 1)
      await recomputeActivity(trx, row.postId)
      return row
    })
    await postListsChanged(comment.postId, comment.userId)
    await emitter.emit('comment:deleted', { commentId, postId: comment.postId, actorId: actor.id })
  }

  async restore(actor: AuthUser, commentId: number) {
    await CategoryAccess.assertReachable(actor, 'comment', commentId)
    const comment = await db.transaction(async (trx) => {
      const row = await lockComment(trx, commentId, true)
      await authorize(actor, CommentPolicy, 'restore', row)
      await trx.from('comments').where('id', commentId).update({ deleted_at: null })
      await trx.from('posts').where('id', row.postId).increment('comment_count', 1)
      await recomputeActivity(trx, row.postId)
      return row
    })
    await postListsChanged(comment.postId, comment.userId)
    await emitter.emit('comment:restored', { commentId, postId: comment.postId, actorId: actor.id })
  }
}

/** A comment answers only a live comment of the same post (422 otherwise). */
async function assertReplyable(postId: number, replyTo: number) {
  const target = await Comment.query()
    .where('id', replyTo)
    .where('post_id', postId)
    .whereNull('deleted_at')
    .first()
  if (!target) {
    throw AppException.unprocessable(
      'reply_to must be a live comment of the same post',
      'reply_to',
      'E_REPLY_TO_INVALID'
    )
  }
}

/** The comment (on a live post), locked; 404 when missing or in the wrong deleted state. */
async function lockComment(trx: TransactionClientContract, commentId: number, deleted = false) {
  const comment = await forUpdate(Comment.query({ client: trx }).where('id', commentId)).first()
  if (!comment || Boolean(comment.deletedAt) !== deleted) throw AppException.notFound('Comment')
  await lockPost(trx, comment.postId)
  return comment
}

/**
 * Comment counts show in the post detail and in lists (the post author's
 * too); the comment shows in its author's list, and counts in their profile.
 */
async function postListsChanged(postId: number, commentAuthorId: number) {
  const post = await db.from('posts').where('id', postId).select('category_id', 'user_id').first()
  if (post) {
    await BoardCache.postChanged({
      id: postId,
      categoryId: Number(post.category_id),
      userId: Number(post.user_id),
    })
  }
  await BoardCache.membersChanged([commentAuthorId])
}
