import db from '@adonisjs/lucid/services/db'
import { sqlNow } from '#core/database/sql_now'
import {
  DEFAULT_CHANNELS,
  NOTIFICATION_KINDS,
  type Channel,
  type NotificationKind,
} from '#notifications/domain/notification_kinds'

export type Settings = Record<NotificationKind, Channel>

/** Members' channels per kind (`notification_settings`; a kind without a row has its default). */
export class Preferences {
  static async of(userId: number): Promise<Settings> {
    const rows = await db
      .from('notification_settings')
      .where('user_id', userId)
      .select('kind', 'channel')
    const settings = { ...DEFAULT_CHANNELS }
    for (const row of rows) {
      if (row.kind in settings) settings[row.kind as NotificationKind] = row.channel as Channel
    }
    return settings
  }

  /** Stores the given kinds (the others keep their value); answers the whole set. */
  static async update(userId: number, changes: Partial<Settings>) {
    const now = sqlNow()
    const rows = NOTIFICATION_KINDS.filter((kind) => changes[kind]).map((kind) => ({
      user_id: userId,
      kind,
      channel: changes[kind]!,
      updated_at: now,
    }))
    // One upsert: two requests at once leave one row per kind.
    if (rows.length) {
      await db
        .connection()
        .getWriteClient()
        .table('notification_settings')
        .insert(rows)
        .onConflict(['user_id', 'kind'])
        .merge(['channel', 'updated_at'])
    }
    return Preferences.of(userId)
  }

  /** Every email channel back to app (the unsubscribe link). */
  static async stopEmails(userId: number) {
    const settings = await Preferences.of(userId)
    const changes: Partial<Settings> = {}
    for (const kind of NOTIFICATION_KINDS) if (settings[kind] === 'email') changes[kind] = 'app'
    return Preferences.update(userId, changes)
  }

  /** The channel of `kind` for each of `userIds`, in one query. */
  static async channels(userIds: number[], kind: NotificationKind) {
    const result = new Map<number, Channel>(userIds.map((id) => [id, DEFAULT_CHANNELS[kind]]))
    if (!userIds.length) return result
    const rows = await db
      .from('notification_settings')
      .whereIn('user_id', userIds)
      .where('kind', kind)
      .select('user_id', 'channel')
    for (const row of rows) result.set(Number(row.user_id), row.channel as Channel)
    return result
  }
}
