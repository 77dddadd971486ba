import { withAuthorName } from '#accounts/public'
import { indexedFrom } from '#core/database/indexed_from'

/** The index of a member's comments, newest first (see the migration indexing content by author). */
export const MEMBER_COMMENTS_INDEX = 'comments_user_id_deleted_at_id_post_id_index'

/**
 * comments c joined to their current version v and author's name: the
 * comment lists' query. `index` pins an index, for the reason postQuery
 * gives.
 */
export function commentQuery(index?: typeof MEMBER_COMMENTS_INDEX) {
  const query = indexedFrom('comments', 'c', index)
    .join('comment_versions as v', (join) => {
      join.on('v.comment_id', '=', 'c.id').andOn('v.version', '=', 'c.current_version')
    })
    .select(
      'c.id',
      'c.post_id',
      'c.reply_to_id',
      'c.user_id',
      'c.current_version',
      'c.vote_count',
      'c.created_at',
      'c.updated_at',
      'v.content'
    )
  return withAuthorName(query, 'c.user_id')
}
