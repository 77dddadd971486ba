import db from '@adonisjs/lucid/services/db'
import { AppException } from '#core/exceptions/app_exception'
import { toIso } from '#core/database/to_iso'
import { pageOf, type PageRequest } from '#board/domain/page_request'
import { commentQuery } from '#board/services/comment_query'
import { commentJson } from '#board/transformers/comment_json'

/** Comments of a live post, oldest first, and a comment's history. */
export class ReadComments {
  async list(postId: number, page: PageRequest) {
    const post = await db.from('posts').where('id', postId).whereNull('deleted_at').first()
    if (!post) throw AppException.notFound('Post')

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
      comment_list: rows.map(commentJson),
      next_cursor: nextCursor,
    }
  }

  /** One live comment on a live post. */
  async show(commentId: number) {
    const row = await commentQuery()
      .join('posts as p', 'p.id', 'c.post_id')
      .where('c.id', commentId)
      .whereNull('c.deleted_at')
      .whereNull('p.deleted_at')
      .first()
    if (!row) throw AppException.notFound('Comment')
    return commentJson(row)
  }

  async history(commentId: number) {
    const comment = await db
      .from('comments as c')
      .join('posts as p', 'p.id', 'c.post_id')
      .where('c.id', commentId)
      .whereNull('c.deleted_at')
      .whereNull('p.deleted_at')
      .first()
    if (!comment) throw AppException.notFound('Comment')
    const versions = await db
      .from('comment_versions')
      .where('comment_id', commentId)
      .orderBy('version', 'desc')
      .select('version', 'content', 'created_at')
    return versions.map((v) => ({
      version: Number(v.version),
      content: v.content,
      created_datetime: toIso(v.created_at)!,
    }))
  }
}
