import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/** The columns withAuthorName adds, under names the caller chooses. */
export interface AuthorColumns {
  /** Alias of the account's name (default `author_name`). */
  name?: string
  /** Alias of the account's deletion time (default `author_deleted_at`): set for a deleted author. */
  deletedAt?: string
  /**
   * Alias of the account's picture as a URL template with `{size}` (default
   * `author_avatar`): null when none, and for blocked and deleted accounts.
   */
  avatar?: string
  /** Alias of the joined accounts table, for a second join in the same query (default `u`). */
  as?: string
}

/**
 * Joins the author's name and picture onto another plugin's query by the
 * column holding the user id, so that only accounts names its table. A left
 * join on the primary key: rows keep their place when the account is gone.
 * The picture of a blocked account is hidden by a subquery on the same
 * statement (the unique (user_id, state_id) index), never a query per row.
 */
export function withAuthorName<Query extends DatabaseQueryBuilderContract>(
  query: Query,
  userIdColumn: string,
  columns: AuthorColumns = {}
): Query {
  const alias = columns.as ?? 'u'
  const avatar = columns.avatar ?? 'author_avatar'
  return query.leftJoin(`users as ${alias}`, `${alias}.id`, userIdColumn).select(
    `${alias}.name as ${columns.name ?? 'author_name'}`,
    `${alias}.deleted_at as ${columns.deletedAt ?? 'author_deleted_at'}`,
    db.raw(
      `case when exists (select 1 from user_states as ${alias}_bs
           inner join states as ${alias}_bst on ${alias}_bst.id = ${alias}_bs.state_id
           where ${alias}_bs.user_id = ${alias}.id and ${alias}_bst.name = 'blocked')
         then null else ${alias}.avatar_template end as ??`,
      [avatar]
    )
  )
}
