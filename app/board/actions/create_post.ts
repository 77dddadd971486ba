import { DateTime } from 'luxon'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assertMayContribute, type AuthUser } from '#accounts/public'
import Post from '#board/models/post'
import PostVersion from '#board/models/post_version'
import { AppException } from '#core/exceptions/app_exception'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { BoardCache } from '#board/services/board_cache'
import { SearchIndex } from '#board/search/post_search'
import { contentHooks } from '#core/plugins/content_hooks'
import { postValidator } from '#board/validators/board_validators'
import { contentExtensions } from '#board/services/content_extensions'
import { normaliseTags, PostTags } from '#board/services/post_tags'
import { authorize } from '#core/authorization/authorize'
import CategoryAccessPolicy, { assertReadable } from '#board/policies/category_access_policy'
import { postApproval } from '#board/services/post_approval'

/**
 * Writes a post and its version 1 in one transaction (never a post without
 * text). Plugins' `post:creating` hooks may change or refuse the text first;
 * plugins that store attachments record them in the same transaction.
 * A post the approval rule holds (a new member's, see PostApproval) is
 * written deleted and pending: no counter, tag count, search entry or
 * `post:created` until a moderator approves it (PendingPosts).
 */
export class CreatePost {
  async handle(
    actor: AuthUser,
    categoryName: string,
    given: { title: string; content: string; attachments?: number[]; tags?: string[] }
  ) {
    await assertMayContribute(actor)
    const attachments = contentExtensions.attachmentsOf(given.attachments)
    const tags = normaliseTags(given.tags) ?? []
    const tree = await CategoryTreeCache.get()
    const category = tree.byName(categoryName)
    // Category permissions: unreadable is 404 (it does not exist for the caller), no posting 403.
    assertReadable(actor, tree, category, 'Category')
    await authorize(actor, CategoryAccessPolicy, 'post', tree, category)
    const hooked = await contentHooks.run('post:creating', {
      userId: actor.id,
      category: category.name,
      title: given.title,
      content: given.content,
    })
    // A hook may have changed the text: it must still satisfy the same rules (422 otherwise).
    const input = await postValidator.validate({ title: hooked.title, content: hooked.content })
    const held = await postApproval.holds(actor)

    const post = await db.transaction(async (trx) => {
      if (held) {
        const row = await createHeld(trx, actor.id, category.id, tree.root(category).id, tags)
        await writeVersionOne(trx, row, input, attachments)
        return row
      }
      // Counter first: the post insert's foreign-key check takes a shared lock on the category
      // row, and two creates holding it could not both upgrade to the counter's update (deadlock).
      const counted = await trx
        .from('categories')
        .where('id', category.id)
        .increment('post_count', 1)
      // Deleted since this process read its tree (another process's change not yet heard of).
      if (Number(counted) === 0) throw AppException.notFound('Category')
      // One time for the row's creation, update and activity (a new post reads as unedited).
      const at = DateTime.utc()
      const row = await Post.create(
        {
          userId: actor.id,
          categoryId: category.id,
          boardId: tree.root(category).id,
          currentVersion: 1,
          createdAt: at,
          updatedAt: at,
          lastActivityAt: at,
        },
        { client: trx }
      )
      await PostTags.set(trx, row, [], tags)
      await writeVersionOne(trx, row, input, attachments)
      await SearchIndex.put(trx, {
        postId: row.id,
        categoryId: category.id,
        title: input.title,
        content: input.content,
      })
      return row
    })

    if (held) {
      // Its detail (a cached "no such post") and its author's lists; its files stay hidden.
      await BoardCache.postChanged(post)
      await emitter.emit('content:visibility-changed', {
        kind: 'post',
        id: post.id,
        postId: post.id,
        visible: false,
      })
      return post
    }
    await BoardCache.postChanged(post)
    await emitter.emit('post:created', {
      postId: post.id,
      userId: actor.id,
      categoryId: category.id,
      title: input.title,
      content: input.content,
    })
    return post
  }
}

/**
 * A held post: deleted and pending from the start, so lists, counts and
 * search skip it; its tags are kept on the row and counted on approval.
 */
async function createHeld(
  trx: TransactionClientContract,
  userId: number,
  categoryId: number,
  boardId: number,
  tags: string[]
) {
  // No counter to bump: the category must still exist (deleted since this process read its tree).
  const category = await trx.from('categories').where('id', categoryId).select('id').first()
  if (!category) throw AppException.notFound('Category')
  const at = DateTime.utc()
  return Post.create(
    {
      userId,
      categoryId,
      boardId,
      currentVersion: 1,
      createdAt: at,
      updatedAt: at,
      lastActivityAt: at,
      deletedAt: at,
      pending: 1,
      tags: tags.join(','),
    },
    { client: trx }
  )
}

async function writeVersionOne(
  trx: TransactionClientContract,
  row: Post,
  input: { title: string; content: string },
  attachments: ReturnType<typeof contentExtensions.attachmentsOf>
) {
  // Version 1 has the post's own time.
  await PostVersion.create(
    {
      postId: row.id,
      version: 1,
      title: input.title,
      content: input.content,
      userId: row.userId,
      createdAt: row.createdAt,
    },
    { client: trx }
  )
  await contentExtensions.written({
    trx,
    kind: 'post',
    id: row.id,
    postId: row.id,
    version: 1,
    userId: row.userId,
    baseVersion: null,
    attachments,
  })
}
