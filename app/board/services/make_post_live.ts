import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Post from '#board/models/post'
import PostVersion from '#board/models/post_version'
import { PostTags, tagsOf } from '#board/services/post_tags'
import { SearchIndex } from '#board/search/post_search'

/**
 * A post that was out of every list (deleted, or waiting for approval)
 * becomes live in the caller's transaction: counted in its category, its
 * tags counted, its current version searchable. `columns` are the other
 * columns that change with it. Answers the current version.
 */
export async function makePostLive(
  trx: TransactionClientContract,
  row: Post,
  columns: Record<string, unknown> = {}
) {
  // Counter first: the posts update's foreign-key check shares the category row's lock, and
  // two writes holding it could not both upgrade to the counter's update (deadlock).
  await trx.from('categories').where('id', row.categoryId).increment('post_count', 1)
  await trx
    .from('posts')
    .where('id', row.id)
    .update({ ...columns, deleted_at: null })
  await PostTags.show(trx, row, tagsOf(row.tags))
  const current = await PostVersion.query({ client: trx })
    .where({ post_id: row.id, version: row.currentVersion })
    .firstOrFail()
  await SearchIndex.put(trx, {
    postId: row.id,
    categoryId: row.categoryId,
    title: current.title,
    content: current.content,
  })
  return current
}
