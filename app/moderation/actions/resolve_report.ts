import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import { SetUserBlocked, type AuthUser } from '#accounts/public'
import { ModerateContent, type ModeratedKind } from '#board/public'
import { AppException } from '#core/exceptions/app_exception'
import { authorize } from '#core/authorization/authorize'
import { forUpdate } from '#core/database/for_update'
import { sqlNow } from '#core/database/sql_now'
import ReportPolicy from '#moderation/policies/report_policy'
import { contentChange, type ReportResolution } from '#moderation/domain/report_rules'
import { ReportQueue } from '#moderation/actions/report_queue'

export interface ResolveInput {
  action: ReportResolution
  note?: string
}

/**
 * A moderator decides on the content a report is about: the content
 * changes (shown again or deleted), the case and all its reports close, in
 * one transaction; `report:resolved` follows (audit, webhooks).
 * block_author blocks the author first (its own transaction, which also
 * decides whether this moderator may block them: staff are admins' to
 * block), so a refusal leaves the case open.
 */
export class ResolveReport {
  async handle(actor: AuthUser, reportId: number, input: ResolveInput) {
    await authorize(actor, ReportPolicy, 'moderate')
    const found = await db
      .from('reports as r')
      .join('report_cases as k', 'k.id', 'r.case_id')
      .where('r.id', reportId)
      .select('k.id', 'k.open', 'k.author_id')
      .first()
    if (!found) throw AppException.notFound('Report')
    if (!found.open) throw alreadyResolved()
    const note = input.note ?? null

    if (input.action === 'block_author') {
      await new SetUserBlocked().block(Number(found.author_id), note ?? 'Reported content', actor)
    }

    const resolved = await db.transaction(async (trx) => {
      const reportCase = await forUpdate(trx.from('report_cases').where('id', found.id)).first()
      if (!reportCase.open) throw alreadyResolved()
      const kind = reportCase.target_type as ModeratedKind
      const targetId = Number(reportCase.target_id)
      const change = contentChange(input.action)
      if (change === 'delete') await ModerateContent.delete(trx, kind, targetId)
      else await ModerateContent.show(trx, kind, targetId, change === 'show' ? 'any' : 'hidden')

      const now = sqlNow()
      await trx.from('report_cases').where('id', reportCase.id).update({
        open: null,
        resolved_at: now,
        resolved_by: actor.id,
        resolution: input.action,
        resolution_note: note,
      })
      await trx.from('reports').where('case_id', reportCase.id).update({ resolved_at: now })
      const reports = await trx.from('reports').where('case_id', reportCase.id).select('id')
      return {
        caseId: Number(reportCase.id),
        targetType: kind,
        targetId,
        authorId: Number(reportCase.author_id),
        reportIds: reports.map((r) => Number(r.id)),
      }
    })
    await emitter.emit('report:resolved', {
      ...resolved,
      action: input.action,
      note,
      actorId: actor.id,
    })
    return ReportQueue.item(resolved.caseId)
  }
}

function alreadyResolved() {
  return new AppException('These reports are already resolved', {
    status: 409,
    code: 'E_ALREADY_RESOLVED',
  })
}
