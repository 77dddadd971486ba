import type { HttpContext } from '@adonisjs/core/http'
import { ReportQueue, ResolveReport, resolveValidator } from '#moderation/public'
import { queryText } from '#admin/services/page_number'
import { renderPage } from '#admin/services/render_page'
import { runAction } from '#admin/services/run_action'
import { displayTime } from '#admin/services/display_time'

const PAGE_SIZE = 20
const LABELS = {
  dismiss: 'Dismiss',
  delete: 'Delete',
  restore: 'Restore',
  block_author: 'Delete and block author',
}

export default class ReportsController {
  /**
   * The report queue: reported posts and comments with their reports,
   * oldest first, open or resolved, a page at a time from a cursor. Staff
   * only (ReportPolicy.moderate, asked by the read model).
   */
  async index(ctx: HttpContext) {
    const qs = ctx.request.qs()
    const status = qs.status === 'resolved' ? 'resolved' : 'open'
    const cursor = queryText(qs.cursor, 200) || undefined
    const { case_list: cases, next_cursor: nextCursor } = await new ReportQueue().list(ctx.staff, {
      status,
      size: PAGE_SIZE,
      cursor: cursor && /^[\w-]+$/.test(cursor) ? cursor : undefined,
    })
    const query = (extra: Record<string, string>) =>
      new URLSearchParams({ status, ...extra }).toString()
    return renderPage(ctx, 'admin::reports/index', {
      title: 'Reports',
      status,
      actions: Object.entries(LABELS).map(([value, label]) => ({ value, label })),
      cases: cases.map((item) => ({
        id: item.id,
        reportId: item.reports[0]?.id,
        open: item.status === 'open',
        target:
          item.target.type === 'post'
            ? `Post #${item.target.id}`
            : `Comment #${item.target.id} on post #${item.target.post_id}`,
        postId: item.target.post_id,
        title: item.target.title,
        content: (item.target.content ?? '').slice(0, 500),
        author: item.target.author,
        authorId: item.target.author_id,
        state: item.target.hidden ? 'hidden' : item.target.live ? 'live' : 'deleted',
        reportCount: item.report_count,
        reports: item.reports.map((report) => ({
          reporter: report.reporter,
          reason: report.reason.replace('_', ' '),
          note: report.note ?? '',
          at: displayTime(report.created_datetime),
        })),
        resolution: item.resolution && {
          action: LABELS[item.resolution.action],
          note: item.resolution.note ?? '',
          at: displayTime(item.resolution.resolved_datetime),
        },
      })),
      firstQuery: cursor ? query({}) : null,
      nextQuery: nextCursor ? query({ cursor: nextCursor }) : null,
    })
  }

  /** One click: the decision for the case of report :id (ResolveReport; audited). */
  async resolve(ctx: HttpContext) {
    return runAction(ctx, async () => {
      const note = queryText(ctx.request.input('note'), 500)
      const input = await resolveValidator.validate({
        action: ctx.request.input('action'),
        ...(note ? { note } : {}),
      })
      const resolved = await new ResolveReport().handle(ctx.staff, Number(ctx.params.id), input)
      const target = resolved.target.type === 'post' ? 'Post' : 'Comment'
      return `${target} #${resolved.target.id}: ${LABELS[input.action].toLowerCase()}; ${resolved.reports.length} report(s) closed.`
    })
  }
}
