import cache from '@adonisjs/cache/services/main'
import { AppException } from '#core/exceptions/app_exception'
import { PublicUserLookup } from '#accounts/public'
import { pageOf, type PageRequest } from '#board/domain/page_request'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { BoardCache } from '#board/services/board_cache'
import { atPage, postQuery } from '#board/services/post_query'
import { commentQuery, MEMBER_COMMENTS_INDEX } from '#board/services/comment_query'
import { postJson, type PostRow } from '#board/transformers/post_json'
import { commentJson, type CommentJson } from '#board/transformers/comment_json'
import type { PostList } from '#board/actions/list_posts'
import { contentExtensions } from '#board/services/content_extensions'
import {
  cachedMemberCounts,
  memberComments,
  memberPosts,
} from '#board/queries/member_content_counts'

export interface CommentList {
  total: number
  comment_list: CommentJson[]
  next_cursor: string | null
}

/**
 * A member's visible posts (live) and comments (live, on a live post),
 * newest first, paged like the board's lists (same size, page and cursor;
 * the same answer shapes). The name is resolved by the accounts plugin:
 * unknown, blocked, deactivated and deleted members are 404. Pages are
 * cached, tagged with the member (BoardCache.memberTag: every write that
 * changes one of them drops it) and `board:all` (renames, category
 * changes).
 */
export class ListMemberContent {
  async posts(name: string, page: PageRequest): Promise<PostList> {
    const userId = await memberId(name)
    return cache.getOrSet({
      key: pageKey('board:member-posts', userId, page),
      ttl: '5m',
      tags: [BoardCache.memberTag(userId), 'board:all'],
      factory: () => this.loadPosts(userId, page),
    })
  }

  async comments(name: string, page: PageRequest): Promise<CommentList> {
    const userId = await memberId(name)
    let uncached: CommentList | undefined
    const cached = await cache.getOrSet({
      key: pageKey('board:member-comments', userId, page),
      ttl: '5m',
      tags: [BoardCache.memberTag(userId), 'board:all'],
      factory: async (ctx) => {
        const { list, complete } = await this.loadComments(userId, page)
        if (complete) return list
        // Without a failed plugin's fields (contentExtensions): answered, not cached.
        uncached = list
        return ctx.skip()
      },
    })
    return (cached ?? uncached)!
  }

  private async loadPosts(userId: number, page: PageRequest): Promise<PostList> {
    // The index is pinned, so that a cursor page starts its range at the cursor (see postQuery).
    const query = memberPosts(postQuery(undefined, 'posts_user_id_deleted_at_id_index'), [userId])
    const { rows, nextCursor } = pageOf((await atPage(query, page)) as PostRow[], page)
    const tree = await CategoryTreeCache.get()
    const counts = await cachedMemberCounts(userId)
    return {
      total: counts.post_count,
      total_relation: 'eq',
      post_list: rows.map((row) => postJson(row, tree)),
      next_cursor: nextCursor,
    }
  }

  private async loadComments(userId: number, page: PageRequest) {
    // Pinned like the posts' index; the comments' posts are primary key lookups.
    const query = memberComments(commentQuery(MEMBER_COMMENTS_INDEX), [userId])
    const { rows, nextCursor } = pageOf(await atPage(query, page, 'c.id'), page)
    const counts = await cachedMemberCounts(userId)
    // Plugins' fields of each comment (the uploads plugin's attachments), in one batch.
    const { items, complete } = await contentExtensions.addFields(
      'comment',
      rows.map(commentJson),
      (comment) => comment
    )
    const list: CommentList = {
      total: counts.comment_count,
      comment_list: items,
      next_cursor: nextCursor,
    }
    return { list, complete }
  }
}

async function memberId(name: string) {
  const member = await PublicUserLookup.find(name)
  if (!member) throw AppException.notFound('User')
  return member.id
}

function pageKey(prefix: string, userId: number, page: PageRequest) {
  return [prefix, userId, page.size, page.page, page.afterId ?? ''].join(':')
}
