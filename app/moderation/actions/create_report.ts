import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AuthUser } from '#accounts/public'
import { CategoryAccess, ModerateContent, type ModeratedKind } from '#board/public'
import { AppException } from '#core/exceptions/app_exception'
import { authorize } from '#core/authorization/authorize'
import { forUpdate } from '#core/database/for_update'
import { isUniqueViolation } from '#core/database/is_unique_violation'
import { sqlNow } from '#core/database/sql_now'
import ReportPolicy from '#moderation/policies/report_policy'
import { reachesHideLimit, type ReportReason } from '#moderation/domain/report_rules'
import config from '#moderation/config'

export interface ReportInput {
  reason: ReportReason
  note?: string
}

/**
 * A member reports a live post or comment. The report joins the target's
 * open case (created on the first report); the case's count changes under
 * its row lock, so concurrent reports count exactly and exactly one of
 * them hides the content when the count reaches REPORTS_TO_HIDE.
 */
export class CreateReport {
  async handle(actor: AuthUser, kind: ModeratedKind, targetId: number, input: ReportInput) {
    const target = await ModerateContent.find(kind, targetId)
    // Content the member may not read (category permissions) does not exist for them.
    if (!target || !target.live || !(await CategoryAccess.canReadPost(actor, target.postId)))
      throw AppException.notFound(kind === 'post' ? 'Post' : 'Comment')
    await authorize(actor, ReportPolicy, 'report', target)

    await openCase(kind, targetId, target.userId)
    const result = await db.transaction(async (trx) => {
      const reportCase = await lockOpenCase(trx, kind, targetId)
      // Resolved between openCase and here: rare, and the member may simply send it again.
      if (!reportCase)
        throw AppException.conflict('The report queue changed; send the report again')
      let reportId: number
      try {
        const [id] = await trx.table('reports').insert({
          case_id: reportCase.id,
          reporter_id: actor.id,
          reason: input.reason,
          note: input.note ?? null,
          created_at: sqlNow(),
        })
        reportId = Number(id)
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        throw new AppException('You have already reported this; a moderator will look at it', {
          status: 409,
          code: 'E_ALREADY_REPORTED',
        })
      }
      await trx.from('report_cases').where('id', reportCase.id).increment('report_count', 1)
      const openReports = Number(reportCase.report_count) + 1
      let hid = false
      if (!reportCase.hidden_at && reachesHideLimit(openReports, config.get().reportsToHide)) {
        hid = await ModerateContent.hide(trx, kind, targetId)
        if (hid)
          await trx.from('report_cases').where('id', reportCase.id).update({ hidden_at: sqlNow() })
      }
      return { reportId, caseId: Number(reportCase.id), openReports, hid }
    })
    await emitter.emit('report:created', {
      ...result,
      targetType: kind,
      targetId,
      reporterId: actor.id,
      reason: input.reason,
    })
    return {
      id: result.reportId,
      case_id: result.caseId,
      target_type: kind,
      target_id: targetId,
      reason: input.reason,
      note: input.note ?? null,
    }
  }
}

/**
 * The target's open case exists afterwards. Created in its own statement,
 * before the report's transaction: two first reports inserting at once
 * meet at the unique index (one insert wins, the other finds it) instead
 * of deadlocking on the gap locks a locking read of a missing row takes.
 */
async function openCase(kind: ModeratedKind, targetId: number, authorId: number) {
  const existing = await db
    .from('report_cases')
    .where({ target_type: kind, target_id: targetId, open: 1 })
    .first()
  if (existing) return
  try {
    await db.table('report_cases').insert({
      target_type: kind,
      target_id: targetId,
      author_id: authorId,
      open: 1,
      report_count: 0,
      created_at: sqlNow(),
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
  }
}

async function lockOpenCase(trx: TransactionClientContract, kind: ModeratedKind, targetId: number) {
  return forUpdate(
    trx.from('report_cases').where({ target_type: kind, target_id: targetId, open: 1 })
  ).first()
}
