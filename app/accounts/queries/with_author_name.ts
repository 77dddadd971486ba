import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/** The columns withAuthorName adds, under names the caller chooses. */
export interface AuthorColumns {
  /** Alias of the account's name (default `author_name`). */
  name?: string
  /** Alias of the account's deletion time (default `author_deleted_at`): set for a deleted author. */
  deletedAt?: string
  /**
   * Alias of the account's picture as a URL template with `{size}` (default
   * `author_avatar`): null when none (the caller hides a deleted account's).
   */
  avatar?: string
  /** Alias of the joined accounts table, for a second join in the same query (default `u`). */
  as?: string
}

/**
 * Joins the author's name and picture onto another plugin's query by the
 * column holding the user id, so that only accounts names its table. A left
 * join on the primary key: rows keep their place when the account is gone.
 * A blocked author keeps name and picture on what they wrote (as Discourse
 * shows a suspended member's): a block changes no cached list or post.
 */
export function withAuthorName<Query extends DatabaseQueryBuilderContract>(
  query: Query,
  userIdColumn: string,
  columns: AuthorColumns = {}
): Query {
  const alias = columns.as ?? 'u'
  const avatar = columns.avatar ?? 'author_avatar'
  return query
    .leftJoin(`users as ${alias}`, `${alias}.id`, userIdColumn)
    .select(
      `${alias}.name as ${columns.name ?? 'author_name'}`,
      `${alias}.deleted_at as ${columns.deletedAt ?? 'author_deleted_at'}`,
      `${alias}.avatar_template as ${avatar}`
    )
}
