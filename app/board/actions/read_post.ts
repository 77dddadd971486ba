import cache from '@adonisjs/cache/services/main'
import db from '@adonisjs/lucid/services/db'
import { AppException } from '#core/exceptions/app_exception'
import { toIso } from '#core/database/to_iso'
import { toCsv } from '#board/domain/csv'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import type { CategoryTree } from '#board/domain/category_tree'
import { BoardCache } from '#board/services/board_cache'
import { postAtVersionQuery } from '#board/services/post_query'
import { postDetailRow } from '#board/services/post_detail_statement'
import { postDetailJson } from '#board/transformers/post_json'
import { contentExtensions } from '#board/services/content_extensions'
import { assertReadable, type Reader } from '#board/policies/category_access_policy'

/**
 * Public reads of one post: detail (cached), history and its CSV. Deleted
 * posts are 404. Plugins' fields (contentExtensions) are part of the
 * detail, of the cached one too, and of each version of the history.
 */
export class ReadPost {
  /**
   * The cached detail is the same for every reader who may read it (no
   * per-caller field); who may is decided on each read from the category
   * tree, never from the entry.
   */
  async show(postId: number, reader: Reader) {
    const tree = await CategoryTreeCache.get()
    const post = await this.#detail(postId, tree)
    if (!post) throw AppException.notFound('Post')
    assertReadable(reader, tree, tree.byName(post.category), 'Post')
    return post
  }

  /**
   * The detail for the fast lane, which answers every caller alike, misses
   * included: only a post of a category everyone may read (checked against
   * the current tree, so an entry written just before a permission change
   * is not served after it). Undefined otherwise, and the framework answers
   * (a 404, a pending post to its author, a closed category's reader).
   */
  async publicDetail(postId: number) {
    const tree = await CategoryTreeCache.get()
    const post = await this.#detail(postId, tree)
    if (!post) return undefined
    const node = tree.byName(post.category)
    return node && tree.allows('anonymous', 'read', node) ? post : undefined
  }

  /** From the cache, or loaded and cached; null: no such live post. The tree names its category. */
  async #detail(postId: number, tree: CategoryTree) {
    let uncached: object | undefined
    const cached = await cache.getOrSet({
      key: BoardCache.postKey(postId),
      ttl: '5m',
      tags: ['board:all'],
      factory: async (ctx) => {
        // Plugins' fields in the same statement when the post has none (no attachments).
        const row = await postDetailRow(postId)
        if (!row) return null
        const detail = postDetailJson(row, tree)
        const { items, complete } = await contentExtensions.addFields('post', [detail], (p) => p, [
          row as unknown as Record<string, unknown>,
        ])
        if (complete) return items[0]
        // Without a failed plugin's fields: answered, not cached (the next read asks again).
        uncached = items[0]
        return ctx.skip()
      },
    })
    return (cached ?? uncached) as { category: string } | null | undefined
  }

  /**
   * A live post with the text of one of its versions: the answer of the edit
   * that wrote it, which must show that edit even when another has followed.
   */
  async showVersion(postId: number, version: number, reader: Reader) {
    const row = await postAtVersionQuery(version)
      .where('p.id', postId)
      .whereNull('p.deleted_at')
      .first()
    if (!row) throw AppException.notFound('Post')
    const tree = await CategoryTreeCache.get()
    assertReadable(reader, tree, tree.byId(Number(row.category_id)), 'Post')
    const detail = {
      ...postDetailJson(row, tree),
      version: Number(row.version),
      updated_datetime: toIso(row.version_created_at)!,
    }
    const { items } = await contentExtensions.addFields('post', [detail], (p) => p)
    return items[0]
  }

  async history(postId: number, reader: Reader) {
    const post = await db.from('posts').where('id', postId).whereNull('deleted_at').first()
    if (!post) throw AppException.notFound('Post')
    const tree = await CategoryTreeCache.get()
    assertReadable(reader, tree, tree.byId(Number(post.category_id)), 'Post')
    const versions = await db
      .from('post_versions')
      .where('post_id', postId)
      .orderBy('version', 'desc')
      .select('version', 'title', 'content', 'created_at')
    const list = versions.map((v) => ({
      version: Number(v.version),
      title: v.title,
      content: v.content,
      created_datetime: toIso(v.created_at)!,
    }))
    const { items } = await contentExtensions.addFields('post', list, (v) => ({
      id: postId,
      version: v.version,
    }))
    return items
  }

  async historyCsv(postId: number, reader: Reader) {
    const versions = await this.history(postId, reader)
    return toCsv(
      ['version', 'title', 'content', 'created_datetime'],
      versions.map((v) => [v.version, v.title, v.content, v.created_datetime])
    )
  }
}
