import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { PageRequest } from '#board/domain/page_request'
import { withAuthorName } from '#accounts/public'
import { indexedFrom } from '#board/services/indexed_from'

/** The list indexes (see the posts migration, and the one indexing content by author). */
export type PostListIndex =
  | 'posts_board_id_deleted_at_id_index'
  | 'posts_category_id_deleted_at_id_index'
  | 'posts_user_id_deleted_at_id_index'

/**
 * posts p joined to their current version v and author's name: the one query
 * behind the list and the detail. The join on (post_id, version) uses the
 * unique index; the author join uses the primary key.
 *
 * `index` pins the list index. Given `board_id = ? AND deleted_at IS NULL
 * AND id < cursor`, MariaDB picks `ref` on the first two columns and walks
 * the board backwards from its newest post to the cursor, a cost that grows
 * with depth, instead of a range that starts at the cursor.
 */
export function postQuery(client: QueryClientContract = db.connection(), index?: PostListIndex) {
  const query = postsFrom(client, index)
    .join('post_versions as v', (join) => {
      join.on('v.post_id', '=', 'p.id').andOn('v.version', '=', 'p.current_version')
    })
    .select(
      'p.id',
      'p.category_id',
      'p.user_id',
      'p.current_version',
      'p.vote_count',
      'p.comment_count',
      'p.created_at',
      'p.updated_at',
      'v.title',
      'v.content'
    )
  return withAuthorName(query, 'p.user_id')
}

/** `posts as p`, with `index` pinned when given. */
export function postsFrom(client: QueryClientContract = db.connection(), index?: PostListIndex) {
  return indexedFrom('posts', 'p', index, client)
}

/**
 * Newest first (by `column`, the posts' id by default) from the page's start
 * (after its cursor, or at its offset), one row more than a page.
 */
export function atPage<Query extends DatabaseQueryBuilderContract>(
  query: Query,
  page: PageRequest,
  column = 'p.id'
) {
  if (page.afterId) query.where(column, '<', page.afterId)
  else query.offset((page.page - 1) * page.size)
  return query.orderBy(column, 'desc').limit(page.size + 1)
}
