import db from '@adonisjs/lucid/services/db'
import { authorize } from '#core/authorization/authorize'
import PostPolicy from '#board/policies/post_policy'
import CommentPolicy from '#board/policies/comment_policy'
import { toIso } from '#core/database/to_iso'
import type { AuthUser } from '#accounts/public'
import type { PageRequest } from '#board/domain/page_request'
import { encodeCursor } from '#board/domain/cursor'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { postQuery } from '#board/services/post_query'
import { postJson, type PostRow } from '#board/transformers/post_json'

/** Soft-deleted posts and comments, newest first, for moderators and admins. */
export class ListDeleted {
  async posts(actor: AuthUser, page: PageRequest) {
    await authorize(actor, PostPolicy, 'viewDeleted')
    const query = postQuery()
      .whereNotNull('p.deleted_at')
      .select('p.deleted_at')
      .orderBy('p.id', 'desc')
      .limit(page.size + 1)
    if (page.afterId) query.where('p.id', '<', page.afterId)
    else query.offset((page.page - 1) * page.size)
    const rows = (await query) as (PostRow & { deleted_at: Date | string })[]
    const total = await db.from('posts').whereNotNull('deleted_at').count('* as total').first()
    const tree = await CategoryTreeCache.get()
    const pageRows = rows.slice(0, page.size)
    return {
      total: Number(total.total),
      post_list: pageRows.map((row) => ({
        ...postJson(row, tree),
        deleted_datetime: toIso(row.deleted_at),
      })),
      next_cursor: rows.length > page.size ? encodeCursor(Number(pageRows.at(-1)!.id)) : null,
    }
  }

  async comments(actor: AuthUser, page: PageRequest) {
    await authorize(actor, CommentPolicy, 'viewDeleted')
    const query = db
      .from('comments as c')
      .join('comment_versions as v', (join) => {
        join.on('v.comment_id', '=', 'c.id').andOn('v.version', '=', 'c.current_version')
      })
      .whereNotNull('c.deleted_at')
      .orderBy('c.id', 'desc')
      .limit(page.size + 1)
      .select('c.id', 'c.post_id', 'c.user_id', 'v.content', 'c.created_at', 'c.deleted_at')
    if (page.afterId) query.where('c.id', '<', page.afterId)
    else query.offset((page.page - 1) * page.size)
    const rows = await query
    const total = await db.from('comments').whereNotNull('deleted_at').count('* as total').first()
    const pageRows = rows.slice(0, page.size)
    return {
      total: Number(total.total),
      comment_list: pageRows.map((row) => ({
        id: Number(row.id),
        post_id: Number(row.post_id),
        user_id: Number(row.user_id),
        content: row.content,
        created_datetime: toIso(row.created_at),
        deleted_datetime: toIso(row.deleted_at),
      })),
      next_cursor: rows.length > page.size ? encodeCursor(Number(pageRows.at(-1)!.id)) : null,
    }
  }
}
