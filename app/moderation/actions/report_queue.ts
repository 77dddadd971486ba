import db from '@adonisjs/lucid/services/db'
import { withAuthorName, DELETED_AUTHOR_NAME, type AuthUser } from '#accounts/public'
import { ModerateContent, type ModeratedKind } from '#board/public'
import { AppException } from '#core/exceptions/app_exception'
import { authorize } from '#core/authorization/authorize'
import { toIso } from '#core/database/to_iso'
import ReportPolicy from '#moderation/policies/report_policy'
import type { ReportStatus } from '#moderation/domain/report_rules'
import { decodeCursor, encodeCursor } from '#moderation/domain/cursor'
import type { ReportCaseJson } from '#moderation/transformers/report_case_json'

export interface ReportQueuePage {
  case_list: ReportCaseJson[]
  next_cursor: string | null
}

/**
 * The report queue: reported content with its reports, oldest first, a
 * keyset page at a time (index on open, id). The content is shown to
 * moderators as it is, hidden or deleted included.
 */
export class ReportQueue {
  async list(
    actor: AuthUser,
    query: { status?: ReportStatus; size?: number; cursor?: string }
  ): Promise<ReportQueuePage> {
    await authorize(actor, ReportPolicy, 'moderate')
    const size = query.size ?? 20
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor)
    if (query.cursor !== undefined && after === null) {
      throw AppException.unprocessable('Not a cursor of this list', 'cursor')
    }
    const cases = db
      .from('report_cases')
      .where('report_count', '>', 0)
      .orderBy('id', 'asc')
      .limit(size + 1)
      .select('id')
    if ((query.status ?? 'open') === 'open') cases.where('open', 1)
    else cases.whereNull('open')
    if (after) cases.where('id', '>', after)
    const rows = await cases
    const ids = rows.map((row) => Number(row.id))
    const page = ids.slice(0, size)
    const items = await Promise.all(page.map((id) => ReportQueue.item(id)))
    return {
      case_list: items,
      next_cursor: ids.length > size ? encodeCursor(page[page.length - 1]) : null,
    }
  }

  /** One case with its content and reports. */
  static async item(caseId: number): Promise<ReportCaseJson> {
    const reportCase = await db.from('report_cases').where('id', caseId).firstOrFail()
    const reports = await withAuthorName(
      db
        .from('reports as r')
        .where('r.case_id', caseId)
        .orderBy('r.id', 'asc')
        .select('r.id', 'r.reporter_id', 'r.reason', 'r.note', 'r.created_at'),
      'r.reporter_id'
    )
    const target = await ModerateContent.find(
      reportCase.target_type as ModeratedKind,
      Number(reportCase.target_id)
    )
    return {
      id: Number(reportCase.id),
      status: reportCase.open ? 'open' : 'resolved',
      report_count: Number(reportCase.report_count),
      created_datetime: toIso(reportCase.created_at)!,
      target: {
        type: reportCase.target_type,
        id: Number(reportCase.target_id),
        post_id: target?.postId ?? null,
        author_id: Number(reportCase.author_id),
        author: target?.author ?? DELETED_AUTHOR_NAME,
        title: target?.title ?? null,
        content: target?.content ?? null,
        live: target?.live ?? false,
        hidden: target?.hidden ?? false,
      },
      resolution: reportCase.open
        ? null
        : {
            action: reportCase.resolution,
            note: reportCase.resolution_note ?? null,
            moderator_id: reportCase.resolved_by === null ? null : Number(reportCase.resolved_by),
            resolved_datetime: toIso(reportCase.resolved_at)!,
          },
      reports: reports.map((r) => ({
        id: Number(r.id),
        reporter_id: Number(r.reporter_id),
        reporter: !r.author_name || r.author_deleted_at ? DELETED_AUTHOR_NAME : r.author_name,
        reason: r.reason,
        note: r.note ?? null,
        created_datetime: toIso(r.created_at)!,
      })),
    }
  }
}
