import db from '@adonisjs/lucid/services/db'
import { AppException } from '#core/exceptions/app_exception'
import { toIso } from '#core/database/to_iso'
import type { PageRequest } from '#board/domain/page_request'
import { encodeCursor } from '#board/domain/cursor'
import { withAuthorName } from '#accounts/public'
import { authorName } from '#board/transformers/post_json'

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

    const rows = await query
    const hasMore = rows.length > page.size
    const pageRows = rows.slice(0, page.size)
    return {
      total: Number(post.comment_count),
      comment_list: pageRows.map(commentJson),
      next_cursor: hasMore ? encodeCursor(Number(pageRows.at(-1)!.id)) : null,
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

  /** A live comment with the text of one of its versions: the answer of the edit that wrote it. */
  async showVersion(commentId: number, version: number) {
    const row = await commentQuery()
      .join('posts as p', 'p.id', 'c.post_id')
      .join('comment_versions as w', (join) => {
        join.on('w.comment_id', '=', 'c.id').andOnVal('w.version', '=', version)
      })
      .select('w.content as written_content', 'w.created_at as written_at')
      .where('c.id', commentId)
      .whereNull('c.deleted_at')
      .whereNull('p.deleted_at')
      .first()
    if (!row) throw AppException.notFound('Comment')
    return {
      ...commentJson(row),
      content: row.written_content as string,
      version,
      updated_datetime: toIso(row.written_at)!,
    }
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

/** comments c joined to their current version v and author's name. */
function commentQuery() {
  const query = db
    .from('comments as c')
    .join('comment_versions as v', (join) => {
      join.on('v.comment_id', '=', 'c.id').andOn('v.version', '=', 'c.current_version')
    })
    .select(
      'c.id',
      'c.post_id',
      'c.user_id',
      'c.current_version',
      'c.vote_count',
      'c.created_at',
      'c.updated_at',
      'v.content'
    )
  return withAuthorName(query, 'c.user_id')
}

function commentJson(row: Record<string, any>) {
  return {
    id: Number(row.id),
    post_id: Number(row.post_id),
    user: authorName(row.author_name, row.author_deleted_at),
    content: row.content as string,
    version: Number(row.current_version),
    vote: Number(row.vote_count),
    created_datetime: toIso(row.created_at)!,
    updated_datetime: toIso(row.updated_at)!,
  }
}
