import cache from '@adonisjs/cache/services/main'
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { AppException } from '#core/exceptions/app_exception'
import type { CallerKind } from '#board/domain/category_access'
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
  async posts(name: string, page: PageRequest, kind: CallerKind = 'anonymous'): Promise<PostList> {
    const userId = await memberId(name)
    const hidden = await hiddenFrom(kind)
    return cache.getOrSet({
      key: pageKey('board:member-posts', userId, page, hidden.length ? kind : null),
      ttl: '5m',
      tags: [BoardCache.memberTag(userId), 'board:all'],
      factory: () => this.loadPosts(userId, page, hidden),
    })
  }

  async comments(
    name: string,
    page: PageRequest,
    kind: CallerKind = 'anonymous'
  ): Promise<CommentList> {
    const userId = await memberId(name)
    const hidden = await hiddenFrom(kind)
    let uncached: CommentList | undefined
    const cached = await cache.getOrSet({
      key: pageKey('board:member-comments', userId, page, hidden.length ? kind : null),
      ttl: '5m',
      tags: [BoardCache.memberTag(userId), 'board:all'],
      factory: async (ctx) => {
        const { list, complete } = await this.loadComments(userId, page, hidden)
        if (complete) return list
        // Without a failed plugin's fields (contentExtensions): answered, not cached.
        uncached = list
        return ctx.skip()
      },
    })
    return (cached ?? uncached)!
  }

  private async loadPosts(userId: number, page: PageRequest, hidden: number[]): Promise<PostList> {
    // The index is pinned, so that a cursor page starts its range at the cursor (see postQuery).
    const query = withoutHidden(
      memberPosts(postQuery(undefined, 'posts_user_id_deleted_at_id_index'), [userId]),
      hidden
    )
    const { rows, nextCursor } = pageOf((await atPage(query, page)) as PostRow[], page)
    const tree = await CategoryTreeCache.get()
    const total = hidden.length
      ? await countOf(withoutHidden(memberPosts(db.from('posts as p'), [userId]), hidden))
      : await cachedMemberCounts(userId).then((counts) => counts.post_count)
    return {
      total,
      total_relation: 'eq',
      post_list: rows.map((row) => postJson(row, tree)),
      next_cursor: nextCursor,
    }
  }

  private async loadComments(userId: number, page: PageRequest, hidden: number[]) {
    // Pinned like the posts' index; the comments' posts are primary key lookups.
    const query = withoutHidden(
      memberComments(commentQuery(MEMBER_COMMENTS_INDEX), [userId]),
      hidden
    )
    const { rows, nextCursor } = pageOf(await atPage(query, page, 'c.id'), page)
    const total = hidden.length
      ? await countOf(withoutHidden(memberComments(db.from('comments as c'), [userId]), hidden))
      : await cachedMemberCounts(userId).then((counts) => counts.comment_count)
    // Plugins' fields of each comment (the uploads plugin's attachments), in one batch.
    const { items, complete } = await contentExtensions.addFields(
      'comment',
      rows.map(commentJson),
      (comment) => comment
    )
    const list: CommentList = {
      total,
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

/** Cached per caller kind only when some category is closed to the caller (three entries at most). */
function pageKey(prefix: string, userId: number, page: PageRequest, kind: CallerKind | null) {
  const key = [prefix, userId, page.size, page.page, page.afterId ?? '']
  return (kind ? [...key, `as=${kind}`] : key).join(':')
}

/** The categories a caller of this kind may not read (category permissions), anywhere in the tree. */
async function hiddenFrom(kind: CallerKind) {
  const tree = await CategoryTreeCache.get()
  return tree.nodes.filter((node) => !tree.allows(kind, 'read', node)).map((node) => node.id)
}

/**
 * Leaves out content in categories the caller may not read: a filter on
 * the post row each entry of the member's index range reaches anyway (its
 * category), so the plan stays the same range.
 */
function withoutHidden<Query extends DatabaseQueryBuilderContract>(query: Query, hidden: number[]) {
  return hidden.length ? query.whereNotIn('p.category_id', hidden) : query
}

/**
 * The exact total of what the caller sees, counted over the member's
 * index range (the cached counts include every category).
 */
async function countOf(query: DatabaseQueryBuilderContract) {
  const row = await query.count('* as total').first()
  return Number(row?.total ?? 0)
}
