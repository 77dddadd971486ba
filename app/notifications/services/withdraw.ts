import db from '@adonisjs/lucid/services/db'
import { NotificationCount } from '#notifications/services/notification_count'
import { notificationListeners } from '#notifications/services/notification_listeners'

/**
 * Deleting content withdraws the unread notifications about it (a post's
 * take its comments' with them); read ones stay as history. Moderation
 * notices are about the deletion itself and stay. Works in batches, so a
 * post with many watchers never holds one long lock.
 */
export async function withdraw(about: { postId: number } | { commentId: number }) {
  const column = 'postId' in about ? 'post_id' : 'comment_id'
  const value = 'postId' in about ? about.postId : about.commentId
  const touched = new Set<number>()
  for (;;) {
    const rows = await db
      .from('notifications')
      .where(column, value)
      .whereNull('read_at')
      .whereNot('kind', 'moderation')
      .limit(1000)
      .select('id', 'user_id')
    if (!rows.length) break
    await db
      .from('notifications')
      .whereIn(
        'id',
        rows.map((row) => row.id)
      )
      .delete()
    for (const row of rows) touched.add(Number(row.user_id))
    if (rows.length < 1000) break
  }
  await NotificationCount.changed(touched)
  await notificationListeners.notified([...touched])
  return touched.size
}
