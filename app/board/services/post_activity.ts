import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { sqlTime } from '#core/database/sql_now'
import { toIso } from '#core/database/to_iso'

/**
 * A post's activity after a comment left or came back: its newest live
 * comment's time (the highest id: ids grow with time, and the index
 * (post_id, deleted_at, id) finds it in one step), else its own. The post
 * row is locked, so a concurrent comment cannot slip between read and write.
 */
export async function recomputeActivity(trx: TransactionClientContract, postId: number) {
  const newest = await trx
    .from('comments')
    .where('post_id', postId)
    .whereNull('deleted_at')
    .orderBy('id', 'desc')
    .select('created_at')
    .first()
  const post = newest
    ? null
    : await trx.from('posts').where('id', postId).select('created_at').first()
  const at = toIso(newest ? newest.created_at : post.created_at)!
  await trx
    .from('posts')
    .where('id', postId)
    .update({ last_activity_at: sqlTime(Date.parse(at)) })
}
