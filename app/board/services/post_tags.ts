import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'
import { AppException } from '#core/exceptions/app_exception'

/** At most this many tags on a post (Discourse's default max_tags_per_topic is 5). */
export const MAX_TAGS = 5
export const TAG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,29}$/

/** BOARD_TAGS: the allowed tags, comma separated; unset or empty, any tag is allowed. */
export function allowedTags(): Set<string> | null {
  const list = (env.get('BOARD_TAGS') ?? '')
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean)
  return list.length ? new Set(list) : null
}

/** Lower-cased, duplicates dropped, checked against BOARD_TAGS; 422 (field "tags") otherwise. */
export function normaliseTags(given: string[] | undefined): string[] | null {
  if (given === undefined) return null
  const tags = [...new Set(given.map((tag) => tag.trim().toLowerCase()))].sort()
  if (tags.length > MAX_TAGS)
    throw AppException.unprocessable(`A post takes at most ${MAX_TAGS} tags`, 'tags')
  const allowed = allowedTags()
  const unknown = allowed ? tags.filter((tag) => !allowed.has(tag)) : []
  if (unknown.length)
    throw AppException.unprocessable(`Not an allowed tag: ${unknown.join(', ')}`, 'tags')
  return tags
}

/** `posts.tags` as a list. */
export function tagsOf(column: string | null | undefined): string[] {
  return column ? column.split(',') : []
}

type TaggedPost = { id: number; boardId: number; categoryId: number }

/**
 * The post-side of tags, inside the post write's transaction (the post row
 * locked or new): rows of `post_tags` for a live post and the `tags`
 * counters move together.
 */
export const PostTags = {
  /** Replaces a live post's tags with `next` (from `previous`). */
  async set(trx: TransactionClientContract, post: TaggedPost, previous: string[], next: string[]) {
    const removed = previous.filter((tag) => !next.includes(tag))
    const added = next.filter((tag) => !previous.includes(tag))
    // Most writes change no tags: no statement then.
    if (!removed.length && !added.length) return
    await trx
      .from('posts')
      .where('id', post.id)
      .update({ tags: next.join(',') })
    await PostTags.hide(trx, post.id, removed)
    await PostTags.show(trx, post, added)
  },

  /** A post waiting for approval keeps its tags on the row only: counted once approved. */
  async setHeld(trx: TransactionClientContract, post: TaggedPost, next: string[]) {
    await trx
      .from('posts')
      .where('id', post.id)
      .update({ tags: next.join(',') })
  },

  /** The post's tags count and list it (a new or restored post, or tags added). */
  async show(trx: TransactionClientContract, post: TaggedPost, tags: string[]) {
    if (!tags.length) return
    await trx.table('post_tags').multiInsert(
      tags.map((tag) => ({
        post_id: post.id,
        tag,
        board_id: post.boardId,
        category_id: post.categoryId,
      }))
    )
    // A new tag's row, once: concurrent writers of the same new tag both get past this.
    await trx.knexClient
      .table('tags')
      .insert(tags.map((name) => ({ name, post_count: 0 })))
      .onConflict('name')
      .ignore()
    await trx.from('tags').whereIn('name', tags).increment('post_count', 1)
  },

  /** The post's tags no longer count or list it (deleted, or tags removed). */
  async hide(trx: TransactionClientContract, postId: number, tags: string[]) {
    if (!tags.length) return
    await trx.from('post_tags').where('post_id', postId).whereIn('tag', tags).delete()
    await trx.from('tags').whereIn('name', tags).decrement('post_count', 1)
  },
}
