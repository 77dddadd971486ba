import cache from '@adonisjs/cache/services/main'
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { BoardCache } from '#board/services/board_cache'

/** What the board adds to a member's public profile (a type: profile fields are a record). */
export type MemberContentCounts = {
  post_count: number
  comment_count: number
}

/** Narrows `posts as p` to the live posts of members. */
export function memberPosts<Query extends DatabaseQueryBuilderContract>(
  query: Query,
  userIds: number[]
) {
  return query.whereIn('p.user_id', userIds).whereNull('p.deleted_at')
}

/** Narrows `comments as c` to the members' visible comments: live, on a live post. */
export function memberComments<Query extends DatabaseQueryBuilderContract>(
  query: Query,
  userIds: number[]
) {
  return query
    .join('posts as p', 'p.id', 'c.post_id')
    .whereIn('c.user_id', userIds)
    .whereNull('c.deleted_at')
    .whereNull('p.deleted_at')
}

/**
 * Live posts, and live comments on live posts (what GET /users/{name}/posts
 * and /comments list), per member. A count reads one range of the
 * (user_id, deleted_at, ...) index per member, and for comments the
 * primary key of their posts; it costs in proportion to the member's
 * content, which is why profiles cache it.
 */
export async function memberContentCounts(
  userIds: number[]
): Promise<Map<number, MemberContentCounts>> {
  const counts = new Map(userIds.map((id) => [id, { post_count: 0, comment_count: 0 }]))
  if (!userIds.length) return counts
  const posts = await memberPosts(db.from('posts as p'), userIds)
    .groupBy('p.user_id')
    .select('p.user_id')
    .count('* as total')
  const comments = await memberComments(db.from('comments as c'), userIds)
    .groupBy('c.user_id')
    .select('c.user_id')
    .count('* as total')
  for (const row of posts) counts.get(Number(row.user_id))!.post_count = Number(row.total)
  for (const row of comments) counts.get(Number(row.user_id))!.comment_count = Number(row.total)
  return counts
}

/**
 * One member's counts, cached with the member's lists (tag
 * BoardCache.memberTag): the profile and every page of both lists share
 * one count, made again only after a write that changes it.
 */
export function cachedMemberCounts(userId: number): Promise<MemberContentCounts> {
  return cache.getOrSet({
    key: `board:member-counts:${userId}`,
    ttl: '10m',
    tags: [BoardCache.memberTag(userId), 'board:all'],
    factory: async () => {
      const counts = await memberContentCounts([userId])
      return counts.get(userId)!
    },
  })
}
