import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { CategoryTreeCache, CommentWrites, StaffContent } from '#board/public'
import { contentFilters, filtersQuery, staffFilter } from '#admin/services/content_filters'
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
    const filter = await staffFilter(filters)
    const rows = filter ? await StaffContent.comments(filter, { page, size: PAGE_SIZE }) : []
    return renderPage(ctx, 'admin::content/comments', {
      title: filters.status === 'deleted' ? 'Deleted comments' : 'Recent comments',
      filters,
      boards: tree.boards().map((b) => b.name),
      comments: rows.slice(0, PAGE_SIZE).map((comment) => ({
        id: comment.id,
        postId: comment.postId,
        postDeleted: comment.postDeleted,
        author: comment.author,
        content: comment.content,
        createdAt: when(comment.createdAt),
        deletedAt: when(comment.deletedAt),
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
