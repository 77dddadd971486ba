import db from '@adonisjs/lucid/services/db'
import type { DateTime } from 'luxon'
import { sqlNow } from '#core/database/sql_now'

/**
 * Live posts and comments, votes on both, and posts created per day
 * (`yyyy-MM-dd`, UTC) since `since` in one grouped query: the admin
 * dashboard's numbers.
 */
export async function boardStats(since: DateTime) {
  const count = async (table: string, live = true) => {
    const query = db.from(table)
    if (live) query.whereNull('deleted_at')
    const row = await query.count('* as total').first()
    return Number(row?.total ?? 0)
  }
  const [posts, comments, postVotes, commentVotes, perDay] = await Promise.all([
    count('posts'),
    count('comments'),
    count('post_votes', false),
    count('comment_votes', false),
    // DATE() reads MariaDB datetimes and SQLite's "yyyy-MM-dd HH:mm:ss.SSS" text alike.
    db
      .from('posts')
      .where('created_at', '>=', sqlNow(since))
      .select(db.raw('DATE(created_at) as day'))
      .count('* as total')
      .groupByRaw('DATE(created_at)'),
  ])
  const postsPerDay = new Map<string, number>()
  for (const row of perDay) postsPerDay.set(dayKey(row.day), Number(row.total))
  return { posts, comments, votes: postVotes + commentVotes, postsPerDay }
}

/** mysql2 answers DATE() as a Date at UTC midnight (timezone 'Z'), SQLite as text. */
function dayKey(value: Date | string) {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)
}
