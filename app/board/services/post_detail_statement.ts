import db from '@adonisjs/lucid/services/db'
import { postQuery } from '#board/services/post_query'
import { contentExtensions } from '#board/services/content_extensions'
import type { PostRow } from '#board/transformers/post_json'

/** Stands for the post's id while the statement is built (no real id is negative). */
const ID = -7_654_321

let built: { key: string; sql: string; bindings: unknown[] } | undefined

/**
 * The statement of a post's detail (`postQuery` with the plugins' presence
 * columns), built by knex once and run with each post's id: building it
 * cost more than running it on every read that misses the cache. Built
 * again when the connection or the plugins' extensions change.
 */
function statement() {
  const key = `${db.primaryConnectionName}:${contentExtensions.revision}`
  if (built?.key !== key) {
    const query = postQuery().where('p.id', ID).whereNull('p.deleted_at').limit(1)
    const { sql, bindings } = contentExtensions
      .selectPresence('post', query, 'p.id', 'p.current_version')
      .toSQL()
      .toNative()
    built = { key, sql, bindings: [...bindings] }
  }
  return built
}

/** A live post's row (with its plugins' presence columns), or null. */
export async function postDetailRow(postId: number): Promise<PostRow | null> {
  const { sql, bindings } = statement()
  const result = await db.rawQuery(
    sql,
    bindings.map((value) => (value === ID ? postId : value))
  )
  // better-sqlite3 answers the rows; mysql2 answers [rows, fields].
  const rows = (Array.isArray(result[0]) ? result[0] : result) as PostRow[]
  return rows[0] ?? null
}
