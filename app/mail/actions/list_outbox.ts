import db from '@adonisjs/lucid/services/db'
import { AppException } from '#core/exceptions/app_exception'
import { toIso } from '#core/database/to_iso'

export const OUTBOX_STATUSES = ['pending', 'sent', 'dead'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

export interface OutboxEntry {
  id: number
  status: OutboxStatus
  template: string
  recipient: string
  subject: string
  attempts: number
  last_error: string | null
  next_attempt_at: string | null
  sent_at: string | null
  created_at: string | null
}

/**
 * The outbox for operators (`mail:outbox`), newest first, with the count of
 * each status. Never the message: it may hold a single-use link.
 */
export class ListOutbox {
  async handle(filter: { status?: string; size?: number } = {}) {
    if (filter.status !== undefined && !OUTBOX_STATUSES.includes(filter.status as OutboxStatus)) {
      throw AppException.unprocessable(
        `Unknown status "${filter.status}"; use one of ${OUTBOX_STATUSES.join(', ')}`,
        'status'
      )
    }
    const size = Math.min(Math.max(filter.size ?? 20, 1), 100)
    const query = db.from('mail_outbox').orderBy('id', 'desc').limit(size)
    if (filter.status) query.where('status', filter.status)
    const rows = await query.select(
      'id',
      'status',
      'template',
      'recipient',
      'subject',
      'attempts',
      'last_error',
      'next_attempt_at',
      'sent_at',
      'created_at'
    )
    const counts = await db.from('mail_outbox').groupBy('status').select('status').count('* as n')
    const totals = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<
      OutboxStatus,
      number
    >
    for (const row of counts) totals[row.status as OutboxStatus] = Number(row.n)
    const mails: OutboxEntry[] = rows.map((row) => ({
      id: Number(row.id),
      status: row.status,
      template: row.template,
      recipient: row.recipient,
      subject: row.subject,
      attempts: Number(row.attempts),
      last_error: row.last_error,
      next_attempt_at: row.status === 'pending' ? toIso(row.next_attempt_at) : null,
      sent_at: toIso(row.sent_at),
      created_at: toIso(row.created_at),
    }))
    return { totals, mails }
  }
}
