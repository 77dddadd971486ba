import type { ProfileFieldSource } from '#accounts/public'
import { schemas } from '#core/openapi/openapi_fragment'
import { BoardCache } from '#board/services/board_cache'
import { cachedMemberCounts, type MemberContentCounts } from '#board/queries/member_content_counts'

/**
 * The board's fields of public profiles (registered by the board's
 * provider): counts of visible content, shared with the lists' totals
 * (cachedMemberCounts). Accounts caches them under the member's tag
 * (BoardCache.memberTag), which every write that changes them drops.
 */
export const memberProfileFields: ProfileFieldSource<MemberContentCounts> = {
  fields: {
    post_count: { ...schemas.count, description: 'Live posts (the board plugin)' },
    comment_count: {
      ...schemas.count,
      description: 'Live comments on live posts (the board plugin)',
    },
  },
  load: async (userIds) =>
    new Map(
      await Promise.all(userIds.map(async (id) => [id, await cachedMemberCounts(id)] as const))
    ),
  tags: (userId) => [BoardCache.memberTag(userId), 'board:all'],
}
