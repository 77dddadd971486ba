import type { HttpContext } from '@adonisjs/core/http'
import { ApprovalQueue } from '#moderation/public'
import { queryText } from '#admin/services/page_number'
import { renderPage } from '#admin/services/render_page'
import { runAction } from '#admin/services/run_action'
import { displayTime } from '#admin/services/display_time'

const PAGE_SIZE = 20

export default class ApprovalsController {
  /**
   * The approval queue (NEW_USER_APPROVAL_POSTS): posts waiting for a
   * moderator, oldest first, a page at a time from a cursor. Staff only
   * (ApprovalPolicy.decide, asked by the action).
   */
  async index(ctx: HttpContext) {
    const cursor = queryText(ctx.request.qs().cursor, 200) || undefined
    const page = await new ApprovalQueue().list(ctx.staff, {
      size: PAGE_SIZE,
      cursor: cursor && /^[\w-]+$/.test(cursor) ? cursor : undefined,
    })
    return renderPage(ctx, 'admin::approvals/index', {
      title: 'Approvals',
      total: page.total,
      posts: page.post_list.map((post) => ({
        id: post.id,
        title: post.title,
        content: post.content.slice(0, 500),
        author: post.user,
        authorId: post.user_id,
        category: post.category,
        at: displayTime(post.created_datetime),
      })),
      firstQuery: cursor ? '' : null,
      nextQuery: page.next_cursor
        ? new URLSearchParams({ cursor: page.next_cursor }).toString()
        : null,
    })
  }

  /** One click: approve (published as a new post) or reject (reason optional); audited. */
  async approve(ctx: HttpContext) {
    return runAction(ctx, async () => {
      const post = await new ApprovalQueue().approve(ctx.staff, Number(ctx.params.id))
      return `Post #${post.id} approved: it is published.`
    })
  }

  async reject(ctx: HttpContext) {
    return runAction(ctx, async () => {
      const reason = queryText(ctx.request.input('reason'), 500) || null
      const post = await new ApprovalQueue().reject(ctx.staff, Number(ctx.params.id), reason)
      return `Post #${post.id} rejected.`
    })
  }
}
