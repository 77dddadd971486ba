import db from '@adonisjs/lucid/services/db'
import type { AuthUser } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import { authorize } from '#core/authorization/authorize'
import AuditPolicy from '#audit/policies/audit_policy'
import { sqlNow } from '#core/database/sql_now'
import { toIso } from '#core/database/to_iso'
import { listAuditValidator } from '#audit/validators/audit_validators'
import { DateTime } from 'luxon'

export interface AuditEntryJson {
  id: number
  actor_id: number | null
  action: string
  resource_type: string
  resource_id: number | null
  details: Record<string, unknown> | null
  created_at: string | null
}

/**
 * The audit log, newest first, filtered, for `audit:list` and the admin
 * panel. `actor` null is an operator; otherwise AuditPolicy.read decides
 * (admins). `action` may be a whole action ("post.deleted") or a resource
 * prefix ("post").
 */
export class ListAuditEntries {
  async handle(raw: unknown, actor: AuthUser | null) {
    await authorize(actor, AuditPolicy, 'read')
    const filters = await listAuditValidator.validate(raw)
    const since = isoTime(filters.since, 'since')
    const until = isoTime(filters.until, 'until')
    const size = filters.size ?? 50
    const page = filters.page ?? 1
    const filtered = () => {
      const query = db.from('audit_entries')
      if (filters.actor_id) query.where('actor_id', filters.actor_id)
      if (filters.action) {
        if (filters.action.includes('.')) query.where('action', filters.action)
        else
          query.whereIn(
            'action',
            ACTIONS.filter((a) => a.startsWith(`${filters.action}.`))
          )
      }
      if (filters.resource_type) query.where('resource_type', filters.resource_type)
      if (filters.resource_id) query.where('resource_id', filters.resource_id)
      if (since) query.where('created_at', '>=', sqlNow(since))
      if (until) query.where('created_at', '<=', sqlNow(until))
      return query
    }
    const rows = await filtered()
      .orderBy('id', 'desc')
      .offset((page - 1) * size)
      .limit(size)
    const total = await filtered().count('* as total').first()
    return { total: Number(total.total), entries: rows.map(entryJson) }
  }
}

/** Every action the listeners write (a prefix filter expands to these, so it uses the index). */
export const ACTIONS = [
  'post.deleted',
  'post.restored',
  'post.version_restored',
  'post.pinned',
  'post.unpinned',
  'post.locked',
  'post.unlocked',
  'comment.deleted',
  'comment.restored',
  'user.role_changed',
  'user.blocked',
  'user.unblocked',
  'user.deleted',
  'category.created',
  'category.renamed',
  'category.moved',
  'category.deleted',
  'upload.deleted',
]

function isoTime(value: string | undefined, field: string) {
  if (!value) return null
  const time = DateTime.fromISO(value, { zone: 'utc' })
  if (!time.isValid)
    throw AppException.unprocessable(`The ${field} must be an ISO 8601 date`, field)
  return time
}

function entryJson(row: Record<string, any>): AuditEntryJson {
  return {
    id: Number(row.id),
    actor_id: row.actor_id === null ? null : Number(row.actor_id),
    action: row.action,
    resource_type: row.resource_type,
    resource_id: row.resource_id === null ? null : Number(row.resource_id),
    details: row.details ? JSON.parse(row.details) : null,
    created_at: toIso(row.created_at),
  }
}
