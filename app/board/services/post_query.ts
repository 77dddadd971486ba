import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * posts p joined to their current version v and author u: the one query
 * behind the list and the detail. The join on (post_id, version) uses the
 * unique index; the author join uses the primary key.
 */
export function postQuery(client: QueryClientContract = db.connection()) {
  return client
    .from('posts as p')
    .join('post_versions as v', (join) => {
      join.on('v.post_id', '=', 'p.id').andOn('v.version', '=', 'p.current_version')
    })
    .leftJoin('users as u', 'u.id', 'p.user_id')
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
      'v.content',
      'u.name as author_name',
      'u.deleted_at as author_deleted_at'
    )
}
