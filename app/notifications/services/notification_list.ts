import db from '@adonisjs/lucid/services/db'
import { withAuthorName } from '#accounts/public'
import { toIso } from '#core/database/to_iso'
import { sqlNow } from '#core/database/sql_now'
import { encodeCursor } from '#notifications/domain/cursor'
import { NotificationCount } from '#notifications/services/notification_count'
import { notificationListeners } from '#notifications/services/notification_listeners'

export interface NotificationJson {
  id: number
  kind: string
  read: boolean
  created_at: string
  actor: string | null
  post_id: number | null
  comment_id: number | null
  /** The post's title when notified; moderation notices add `action`. */
  data: Record<string, unknown>
}

/** A member's notifications: the list (newest first, keyset pages) and marking them read. */
export class NotificationList {
  static async page(
    userId: number,
    options: { unread: boolean; size: number; beforeId: number | null }
  ) {
    const query = db
      .from('notifications as n')
      .where('n.user_id', userId)
      .orderBy('n.id', 'desc')
      .limit(options.size + 1)
      .select('n.id', 'n.kind', 'n.read_at', 'n.created_at', 'n.post_id', 'n.comment_id', 'n.data')
    if (options.unread) query.whereNull('n.read_at')
    if (options.beforeId !== null) query.where('n.id', '<', options.beforeId)
    withAuthorName(query, 'n.actor_id', { name: 'actor_name', deletedAt: 'actor_deleted_at' })
    const rows = await query
    const page = rows.slice(0, options.size)
    return {
      notifications: page.map((row): NotificationJson => ({
        id: Number(row.id),
        kind: row.kind,
        read: row.read_at !== null,
        created_at: toIso(row.created_at)!,
        actor: row.actor_name && !row.actor_deleted_at ? String(row.actor_name) : null,
        post_id: row.post_id === null ? null : Number(row.post_id),
        comment_id: row.comment_id === null ? null : Number(row.comment_id),
        data: JSON.parse(row.data),
      })),
      next_cursor: rows.length > options.size ? encodeCursor(Number(page.at(-1)!.id)) : null,
    }
  }

  /** Marks the member's notifications read (the given ones, or all); answers how many changed. */
  static async markRead(userId: number, which: { ids?: number[]; all?: boolean }) {
    if (!which.all && !which.ids?.length) return 0
    const query = db.from('notifications').where('user_id', userId).whereNull('read_at')
    if (!which.all) query.whereIn('id', which.ids!)
    // Read notifications are not mailed any more.
    const changed = Number(await query.update({ read_at: sqlNow(), email_pending: false }))
    if (changed) {
      await NotificationCount.changed([userId])
      await notificationListeners.notified([userId])
    }
    return changed
  }
}
