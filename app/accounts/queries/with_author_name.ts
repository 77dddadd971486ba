import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/** The columns withAuthorName adds, under names the caller chooses. */
export interface AuthorColumns {
  /** Alias of the account's name (default `author_name`). */
  name?: string
  /** Alias of the account's deletion time (default `author_deleted_at`): set for a deleted author. */
  deletedAt?: string
  /** Alias of the joined accounts table, for a second join in the same query (default `u`). */
  as?: string
}

/**
 * Joins the author's name onto another plugin's query by the column holding
 * the user id, so that only accounts names its table. A left join on the
 * primary key: rows keep their place when the account is gone.
 */
export function withAuthorName<Query extends DatabaseQueryBuilderContract>(
  query: Query,
  userIdColumn: string,
  columns: AuthorColumns = {}
): Query {
  const alias = columns.as ?? 'u'
  return query
    .leftJoin(`users as ${alias}`, `${alias}.id`, userIdColumn)
    .select(
      `${alias}.name as ${columns.name ?? 'author_name'}`,
      `${alias}.deleted_at as ${columns.deletedAt ?? 'author_deleted_at'}`
    )
}
