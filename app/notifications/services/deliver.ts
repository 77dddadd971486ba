import db from '@adonisjs/lucid/services/db'
import { NotifiableMembers } from '#accounts/public'
import { CategoryAccess } from '#board/public'
import { sqlNow } from '#core/database/sql_now'
import { NOTIFICATION_KINDS, type NotificationKind } from '#notifications/domain/notification_kinds'
import { Preferences } from '#notifications/services/preferences'
import { NotificationCount } from '#notifications/services/notification_count'
import { notificationListeners } from '#notifications/services/notification_listeners'

/** The cause of a set of notifications, shared by all its recipients. */
export interface Cause {
  /** One notification per member per source ("comment:12"). */
  sourceKey: string
  actorId: number | null
  postId: number | null
  commentId: number | null
  data: Record<string, unknown>
}

export interface Candidate {
  userId: number
  kind: NotificationKind
}

/**
 * Writes the notifications of one cause in one multi-row insert: each
 * member once (the kind first in NOTIFICATION_KINDS wins), never the actor,
 * nothing when the actor is no longer live, only live recipients (not
 * blocked, deactivated or deleted), and not when
 * the member turned the kind off. A member already notified of this cause
 * is skipped by the unique (user_id, source_key), so a retried batch writes
 * nothing twice. Answers the members written to.
 */
export async function deliver(cause: Cause, candidates: Candidate[]): Promise<number[]> {
  const best = new Map<number, NotificationKind>()
  for (const { userId, kind } of candidates) {
    if (userId === cause.actorId) continue
    const current = best.get(userId)
    if (!current || rank(kind) < rank(current)) best.set(userId, kind)
  }
  if (!best.size) return []

  const actor = cause.actorId === null ? [] : [cause.actorId]
  const live = await NotifiableMembers.liveAmong([...best.keys(), ...actor])
  // A member blocked (or gone) since writing notifies no one.
  if (cause.actorId !== null && !live.has(cause.actorId)) return []
  // Category permissions: a member who may not read the post is told nothing about it.
  const readers =
    cause.postId === null
      ? null
      : await CategoryAccess.readersOfPost(cause.postId, [...best.keys()])
  const byKind = new Map<NotificationKind, number[]>()
  for (const [userId, kind] of best) {
    if (!live.has(userId)) continue
    if (readers && !readers.has(userId)) continue
    byKind.set(kind, [...(byKind.get(kind) ?? []), userId])
  }

  const now = sqlNow()
  const data = JSON.stringify(cause.data)
  const rows = []
  for (const [kind, userIds] of byKind) {
    const channels = await Preferences.channels(userIds, kind)
    for (const userId of userIds) {
      const channel = channels.get(userId)
      if (channel === 'off') continue
      rows.push({
        user_id: userId,
        kind,
        actor_id: cause.actorId,
        post_id: cause.postId,
        comment_id: cause.commentId,
        source_key: cause.sourceKey,
        data,
        email_pending: channel === 'email',
        created_at: now,
      })
    }
  }
  if (!rows.length) return []

  const knex = db.connection().getWriteClient()
  // SQLite compiles a multi-row insert to a compound SELECT of at most 500 terms.
  const chunk = db.connection().dialect.name === 'mysql' ? 2000 : 400
  for (let from = 0; from < rows.length; from += chunk) {
    await knex
      .table('notifications')
      .insert(rows.slice(from, from + chunk))
      .onConflict(['user_id', 'source_key'])
      .ignore()
  }
  const userIds = rows.map((row) => row.user_id)
  await NotificationCount.changed(userIds)
  await notificationListeners.notified(userIds)
  return userIds
}

function rank(kind: NotificationKind) {
  return NOTIFICATION_KINDS.indexOf(kind)
}
