import { DateTime } from 'luxon'
import { accountStats } from '#accounts/public'
import { lastDays, type DayCount } from '#admin/services/bar_chart'
import { pluginOn } from '#admin/services/plugin_pages'

export interface DashboardStats {
  users: number
  signInsToday: number
  /** The board's numbers; null when the board plugin is switched off. */
  board: { posts: number; comments: number; votes: number; postsPerDay: DayCount[] } | null
}

const CHART_DAYS = 14

/**
 * The dashboard's numbers from the plugins that own them: live users and
 * sign-ins since midnight UTC (accounts); live posts, comments, votes and
 * posts per day over the last two weeks (board, when switched on).
 */
export async function dashboardStats(now = DateTime.utc()): Promise<DashboardStats> {
  const today = now.startOf('day')
  const since = today.minus({ days: CHART_DAYS - 1 })
  const [accounts, board] = await Promise.all([accountStats(today), boardNumbers(since)])
  return {
    users: accounts.users,
    signInsToday: accounts.signIns,
    board: board && {
      posts: board.posts,
      comments: board.comments,
      votes: board.votes,
      postsPerDay: lastDays(now.toJSDate(), CHART_DAYS, board.postsPerDay),
    },
  }
}

async function boardNumbers(since: DateTime) {
  if (!pluginOn('board')) return null
  const { boardStats } = await import('#board/public')
  return boardStats(since)
}
