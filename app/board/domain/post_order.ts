/**
 * How a post list is ordered (docs/board.md, "Sorting"). `latest`: newest
 * first by id. `activity`: by the newest live comment's time, else the
 * post's own (`last_activity_at`). `top`: most votes first, over the posts
 * written within `period` (all time by default). Ties go to the newer post.
 */
export const POST_SORTS = ['latest', 'activity', 'top'] as const
export type PostSort = (typeof POST_SORTS)[number]

export const TOP_PERIODS = ['day', 'week', 'month', 'all'] as const
export type TopPeriod = (typeof TOP_PERIODS)[number]

export interface PostOrder {
  sort: PostSort
  period: TopPeriod
}

export const LATEST: PostOrder = { sort: 'latest', period: 'all' }

const PERIOD_MS = { day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000 }

/** The earliest creation time a `top` list of this period takes, or null for all time. */
export function periodStart(period: TopPeriod, now = Date.now()): number | null {
  return period === 'all' ? null : now - PERIOD_MS[period]
}
