import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { CommentWrites } from '#board/actions/comment_writes'
import { contentFilters, filtersQuery } from '#admin/services/content_filters'
import { pageNumber } from '#admin/services/page_number'
import { renderPage } from '#admin/services/render_page'
import { runAction } from '#admin/services/run_action'
import { displayTime as when } from '#admin/services/display_time'

const PAGE_SIZE = 25

export default class CommentsController {
  /** Recent (live) or deleted comments, newest first, by board (of their post) and author. */
  async index(ctx: HttpContext) {
    const tree = await CategoryTreeCache.get()
    const filters = contentFilters(ctx.request.qs(), tree)
    const page = pageNumber(ctx.request.input('page'))
    const query = db
      .from('comments as c')
      .join('comment_versions as v', (join) => {
        join.on('v.comment_id', '=', 'c.id').andOn('v.version', '=', 'c.current_version')
      })
      .join('posts as p', 'p.id', 'c.post_id')
      .leftJoin('users as u', 'u.id', 'c.user_id')
      .orderBy('c.id', 'desc')
      .limit(PAGE_SIZE + 1)
      .offset((page - 1) * PAGE_SIZE)
      .select(
        'c.id',
        'c.post_id',
        'c.created_at',
        'c.deleted_at',
        'v.content',
        'u.name as author',
        'u.deleted_at as author_deleted_at',
        'p.deleted_at as post_deleted_at'
      )
    if (filters.status === 'deleted') query.whereNotNull('c.deleted_at')
    else query.whereNull('c.deleted_at')
    if (filters.boardId) query.where('p.board_id', filters.boardId)
    if (filters.author) query.where('u.name', filters.author)
    const rows = await query
    return renderPage(ctx, 'admin::content/comments', {
      title: filters.status === 'deleted' ? 'Deleted comments' : 'Recent comments',
      filters,
      boards: tree.boards().map((b) => b.name),
      comments: rows.slice(0, PAGE_SIZE).map((row) => ({
        id: Number(row.id),
        postId: Number(row.post_id),
        postDeleted: Boolean(row.post_deleted_at),
        author: row.author_deleted_at ? '(deleted)' : row.author,
        content: row.content,
        createdAt: when(row.created_at),
        deletedAt: when(row.deleted_at),
      })),
      page,
      prevQuery: page > 1 ? filtersQuery(filters, page - 1) : null,
      nextQuery: rows.length > PAGE_SIZE ? filtersQuery(filters, page + 1) : null,
    })
  }

  @inject()
  async destroy(ctx: HttpContext, comments: CommentWrites) {
    return runAction(ctx, async () => {
      await comments.delete(ctx.staff, Number(ctx.params.id))
      return `Comment #${ctx.params.id} deleted.`
    })
  }

  @inject()
  async restore(ctx: HttpContext, comments: CommentWrites) {
    return runAction(ctx, async () => {
      await comments.restore(ctx.staff, Number(ctx.params.id))
      return `Comment #${ctx.params.id} restored.`
    })
  }
}
