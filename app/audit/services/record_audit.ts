import db from '@adonisjs/lucid/services/db'
import { sqlNow } from '#core/database/sql_now'

export interface AuditRecord {
  /** Null: an operator at the command line. */
  actorId: number | null
  /** "<resource>.<verb>", e.g. "post.deleted". */
  action: string
  resourceType: 'post' | 'comment' | 'user' | 'category' | 'upload'
  resourceId: number | null
  details?: Record<string, unknown>
}

/** One row per act; written by the listeners after the act's transaction committed. */
export async function recordAudit(record: AuditRecord) {
  await db.table('audit_entries').insert({
    actor_id: record.actorId,
    action: record.action,
    resource_type: record.resourceType,
    resource_id: record.resourceId,
    details: record.details ? JSON.stringify(record.details) : null,
    created_at: sqlNow(),
  })
}
