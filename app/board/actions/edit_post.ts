import { DateTime } from 'luxon'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AuthUser } from '#accounts/public'
import PostVersion from '#board/models/post_version'
import { AppException } from '#core/exceptions/app_exception'
import { sqlNow } from '#core/database/sql_now'
import { authorize } from '#core/authorization/authorize'
import PostPolicy from '#board/policies/post_policy'
import PendingPostPolicy from '#board/policies/pending_post_policy'
import { lockPost } from '#board/services/live_post'
import { BoardCache } from '#board/services/board_cache'
import { SearchIndex } from '#board/search/post_search'
import { contentHooks } from '#core/plugins/content_hooks'
import { postValidator } from '#board/validators/board_validators'
import Post from '#board/models/post'
import { contentExtensions } from '#board/services/content_extensions'
import { normaliseTags, PostTags, tagsOf } from '#board/services/post_tags'
import { CategoryAccess } from '#board/services/category_access'

/**
 * Every edit is a new version numbered one higher. The post row is locked
 * (MariaDB) or the write transaction is exclusive (SQLite) while the number
 * is taken, so concurrent edits get contiguous, unique versions; the
 * UNIQUE(post_id, version) index backs it. Plugins' `post:updating` hooks
 * may change or refuse the text before the transaction starts. Attachments
 * left out of an edit are the previous version's; a version restore takes
 * the restored version's. Its author may edit a post waiting for approval:
 * the new version waits with it (no search row, tag count or `post:updated`
 * until approved).
 */
export class EditPost {
  async handle(
    actor: AuthUser,
    postId: number,
    given: { title: string; content: string; attachments?: number[]; tags?: string[] }
  ) {
    const attachments = contentExtensions.attachmentsOf(given.attachments)
    // Left out, the post keeps its tags (they are the post's, not a version's).
    const tags = normaliseTags(given.tags)
    // 404 and 403 come before a hook's refusal; the transaction checks again under the lock.
    const existing = await Post.query()
      .where('id', postId)
      .where((live) => live.whereNull('deleted_at').orWhere('pending', 1))
      .first()
    if (!existing) throw AppException.notFound('Post')
    await CategoryAccess.assertReachable(actor, 'post', postId)
    await authorizeEdit(actor, existing)
    const hooked = await contentHooks.run('post:updating', {
      userId: actor.id,
      postId,
      title: given.title,
      content: given.content,
    })
    // A hook may have changed the text: it must still satisfy the same rules (422 otherwise).
    const input = await postValidator.validate({ title: hooked.title, content: hooked.content })
    const result = await db.transaction(async (trx) => {
      const post = await lockPost(trx, postId, { pending: true })
      await authorizeEdit(actor, post)
      if (tags && post.pending) await PostTags.setHeld(trx, post, tags)
      else if (tags) await PostTags.set(trx, post, tagsOf(post.tags), tags)
      return appendPostVersion(trx, post, actor.id, input, {
        baseVersion: post.currentVersion,
        attachments,
      })
    })
    await afterPostVersion(result.post, actor.id, result.version, input, null)
    return result
  }

  /** Restores an old version's text as a new version (author, moderators and admins). */
  async restoreVersion(actor: AuthUser, postId: number, version: number) {
    await CategoryAccess.assertReachable(actor, 'post', postId)
    const result = await db.transaction(async (trx) => {
      const post = await lockPost(trx, postId)
      await authorize(actor, PostPolicy, 'restoreVersion', post)
      const old = await PostVersion.query({ client: trx })
        .where({ post_id: postId, version })
        .first()
      if (!old) throw AppException.notFound('Version')
      return appendPostVersion(
        trx,
        post,
        actor.id,
        { title: old.title, content: old.content },
        { baseVersion: version, attachments: null }
      )
    })
    await afterPostVersion(result.post, actor.id, result.version, result, version)
    return result
  }
}

async function appendPostVersion(
  trx: TransactionClientContract,
  post: Post,
  userId: number,
  input: { title: string; content: string },
  extra: { baseVersion: number; attachments: number[] | null }
) {
  // The post's updated_at is its newest version's time.
  const at = DateTime.utc()
  await trx
    .from('posts')
    .where('id', post.id)
    .update({ current_version: trx.raw('current_version + 1'), updated_at: sqlNow(at) })
  const row = await trx.from('posts').where('id', post.id).select('current_version').firstOrFail()
  const version = Number(row.current_version)
  await PostVersion.create(
    { postId: post.id, version, title: input.title, content: input.content, userId, createdAt: at },
    { client: trx }
  )
  // A waiting post is searchable once approved (PendingPosts indexes its current version).
  if (!post.pending) {
    await SearchIndex.put(trx, {
      postId: post.id,
      categoryId: post.categoryId,
      title: input.title,
      content: input.content,
    })
  }
  await contentExtensions.written({
    trx,
    kind: 'post',
    id: post.id,
    postId: post.id,
    version,
    userId,
    ...extra,
  })
  return { post, version, title: input.title, content: input.content }
}

async function afterPostVersion(
  post: Post,
  userId: number,
  version: number,
  input: { title: string; content: string },
  restoredFromVersion: number | null
) {
  await BoardCache.postChanged(post)
  // Nobody is told of a waiting post's edits: its approval announces it (post:created).
  if (post.pending) return
  await emitter.emit('post:updated', {
    postId: post.id,
    userId,
    version,
    title: input.title,
    content: input.content,
    restoredFromVersion,
  })
}

/** The author edits a waiting post (others: 404); a live one as PostPolicy says. */
async function authorizeEdit(actor: AuthUser, post: Post) {
  if (post.pending) await authorize(actor, PendingPostPolicy, 'edit', post)
  else await authorize(actor, PostPolicy, 'edit', post)
}
