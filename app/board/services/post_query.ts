import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { PageRequest } from '#board/domain/page_request'
import { withAuthorName } from '#accounts/public'
import { indexedFrom } from '#core/database/indexed_from'

/**
 * The list indexes (see the posts migration, the one indexing content by
 * author, and the one indexing the sorts).
 */
export type PostListIndex =
  | `posts_${'board' | 'category'}_id_deleted_at_${'id' | 'last_activity_at_id' | 'vote_count_id' | 'created_at'}_index`
  | 'posts_user_id_deleted_at_id_index'
  | 'posts_category_id_pinned_at_index'

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
    .select(...POST_COLUMNS)
  return withAuthorName(query, 'p.user_id')
}

/**
 * postQuery with one given version's text instead of the current one, and
 * that version's time as `version_created_at`: what an edit answers, since
 * another edit may already have followed it.
 */
export function postAtVersionQuery(version: number, client: QueryClientContract = db.connection()) {
  const query = postsFrom(client)
    .join('post_versions as v', (join) => {
      join.on('v.post_id', '=', 'p.id').andOnVal('v.version', '=', version)
    })
    .select(...POST_COLUMNS, 'v.version as version', 'v.created_at as version_created_at')
  return withAuthorName(query, 'p.user_id')
}

const POST_COLUMNS = [
  'p.id',
  'p.category_id',
  'p.user_id',
  'p.current_version',
  'p.vote_count',
  'p.comment_count',
  'p.created_at',
  'p.updated_at',
  'p.pinned_at',
  'p.locked_at',
  'p.last_activity_at',
  'p.tags',
  'v.title',
  'v.content',
]

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

/**
 * A page of a list sorted by `column` (then by id), both descending. After a
 * cursor (key, id): first the rows of that key below the id, an equality
 * range of the index; then, if the page is not full, the rows below the key.
 * One condition `(key, id) < (k, x)` would leave both databases a range
 * bounded by the key only, walking every row of the cursor's key (all the
 * posts with 0 votes) down to the id. `build` makes the list's query anew.
 */
export async function sortedPage<Row>(
  build: () => DatabaseQueryBuilderContract,
  page: PageRequest,
  column: string
): Promise<Row[]> {
  const wanted = page.size + 1
  const ordered = (query: DatabaseQueryBuilderContract) =>
    query.orderBy(column, 'desc').orderBy('p.id', 'desc')
  if (!page.afterId || page.afterKey === undefined) {
    return (await ordered(build())
      .offset((page.page - 1) * page.size)
      .limit(wanted)) as Row[]
  }
  const same = (await ordered(
    build().where(column, page.afterKey).where('p.id', '<', page.afterId)
  ).limit(wanted)) as Row[]
  if (same.length >= wanted) return same
  const below = (await ordered(build().where(column, '<', page.afterKey)).limit(
    wanted - same.length
  )) as Row[]
  return [...same, ...below]
}
