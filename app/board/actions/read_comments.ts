import db from '@adonisjs/lucid/services/db'
import { AppException } from '#core/exceptions/app_exception'
import { toIso } from '#core/database/to_iso'
import { pageOf, type PageRequest } from '#board/domain/page_request'
import { commentQuery } from '#board/services/comment_query'
import { commentJson, type CommentJson } from '#board/transformers/comment_json'
import { contentExtensions } from '#board/services/content_extensions'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { assertReadable, type Reader } from '#board/policies/category_access_policy'

/** Plugins' fields (contentExtensions) of comments, by their id and version, in one batch. */
async function withFields<Item extends CommentJson>(comments: Item[]) {
  const { items } = await contentExtensions.addFields('comment', comments, (c) => c)
  return items
}

/** 404 unless the reader may read the category (category permissions). */
async function assertReadableCategory(reader: Reader, categoryId: unknown, what: string) {
  const tree = await CategoryTreeCache.get()
  assertReadable(reader, tree, tree.byId(Number(categoryId)), what)
}

/** Comments of a live post, oldest first, and a comment's history. */
export class ReadComments {
  async list(postId: number, page: PageRequest, reader: Reader) {
    const post = await db.from('posts').where('id', postId).whereNull('deleted_at').first()
    if (!post) throw AppException.notFound('Post')
    await assertReadableCategory(reader, post.category_id, 'Post')

    const query = commentQuery()
      .where('c.post_id', postId)
      .whereNull('c.deleted_at')
      .orderBy('c.id', 'asc')
      .limit(page.size + 1)
    if (page.afterId) query.where('c.id', '>', page.afterId)
    else query.offset((page.page - 1) * page.size)

    const { rows, nextCursor } = pageOf(await query, page)
    return {
      total: Number(post.comment_count),
      comment_list: await withFields(rows.map(commentJson)),
      next_cursor: nextCursor,
    }
  }

  /** One live comment on a live post. */
  async show(commentId: number, reader: Reader) {
    const row = await commentQuery()
      .join('posts as p', 'p.id', 'c.post_id')
      .select('p.category_id as post_category_id')
      .where('c.id', commentId)
      .whereNull('c.deleted_at')
      .whereNull('p.deleted_at')
      .first()
    if (!row) throw AppException.notFound('Comment')
    await assertReadableCategory(reader, row.post_category_id, 'Comment')
    const [comment] = await withFields([commentJson(row)])
    return comment
  }

  /** A live comment with the text of one of its versions: the answer of the edit that wrote it. */
  async showVersion(commentId: number, version: number, reader: Reader) {
    const row = await commentQuery()
      .join('posts as p', 'p.id', 'c.post_id')
      .join('comment_versions as w', (join) => {
        join.on('w.comment_id', '=', 'c.id').andOnVal('w.version', '=', version)
      })
      .select(
        'w.content as written_content',
        'w.created_at as written_at',
        'p.category_id as post_category_id'
      )
      .where('c.id', commentId)
      .whereNull('c.deleted_at')
      .whereNull('p.deleted_at')
      .first()
    if (!row) throw AppException.notFound('Comment')
    await assertReadableCategory(reader, row.post_category_id, 'Comment')
    const [comment] = await withFields([
      {
        ...commentJson(row),
        content: row.written_content as string,
        version,
        updated_datetime: toIso(row.written_at)!,
      },
    ])
    return comment
  }

  async history(commentId: number, reader: Reader) {
    const comment = await db
      .from('comments as c')
      .join('posts as p', 'p.id', 'c.post_id')
      .where('c.id', commentId)
      .whereNull('c.deleted_at')
      .whereNull('p.deleted_at')
      .select('p.category_id as post_category_id')
      .first()
    if (!comment) throw AppException.notFound('Comment')
    await assertReadableCategory(reader, comment.post_category_id, 'Comment')
    const versions = await db
      .from('comment_versions')
      .where('comment_id', commentId)
      .orderBy('version', 'desc')
      .select('version', 'content', 'created_at')
    const list = versions.map((v) => ({
      version: Number(v.version),
      content: v.content,
      created_datetime: toIso(v.created_at)!,
    }))
    const { items } = await contentExtensions.addFields('comment', list, (v) => ({
      id: commentId,
      version: v.version,
    }))
    return items
  }
}
