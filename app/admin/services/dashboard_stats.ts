import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { sqlNow } from '#core/database/sql_now'
import { lastDays, type DayCount } from '#admin/services/bar_chart'

export interface DashboardStats {
  users: number
  posts: number
  comments: number
  votes: number
  signInsToday: number
  postsPerDay: DayCount[]
}

const CHART_DAYS = 14

/**
 * The dashboard's numbers: live users, posts and comments, votes on posts
 * and comments, sign-ins since midnight UTC, and posts created per day over
 * the last two weeks (one grouped query).
 */
export async function dashboardStats(now = DateTime.utc()): Promise<DashboardStats> {
  const count = async (table: string, live = true) => {
    const query = db.from(table)
    if (live) query.whereNull('deleted_at')
    const row = await query.count('* as total').first()
    return Number(row?.total ?? 0)
  }
  const today = now.startOf('day')
  const since = today.minus({ days: CHART_DAYS - 1 })

  const [users, posts, comments, postVotes, commentVotes, signIns, perDay] = await Promise.all([
    count('users'),
    count('posts'),
    count('comments'),
    count('post_votes', false),
    count('comment_votes', false),
    db.from('login_history').where('created_at', '>=', sqlNow(today)).count('* as total').first(),
    // DATE() reads MariaDB timestamps and SQLite's "yyyy-MM-dd HH:mm:ss" text alike.
    db
      .from('posts')
      .where('created_at', '>=', sqlNow(since))
      .select(db.raw('DATE(created_at) as day'))
      .count('* as total')
      .groupByRaw('DATE(created_at)'),
  ])

  const counts = new Map<string, number>()
  for (const row of perDay) counts.set(dayKey(row.day), Number(row.total))
  return {
    users,
    posts,
    comments,
    votes: postVotes + commentVotes,
    signInsToday: Number(signIns?.total ?? 0),
    postsPerDay: lastDays(now.toJSDate(), CHART_DAYS, counts),
  }
}

/** mysql2 answers DATE() as a Date at UTC midnight (timezone 'Z'), SQLite as text. */
function dayKey(value: Date | string) {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)
}
