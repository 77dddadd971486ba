/** What the cache needs of a better-sqlite3 connection. */
export interface PreparingConnection {
  prepare(sql: string): unknown
}

/**
 * Makes a better-sqlite3 connection reuse its prepared statements, keyed by
 * SQL text and bounded (least recently used out).
 *
 * knex's better-sqlite3 dialect prepares every query again: for a post
 * list query that costs more than running it, and each statement keeps its
 * compiled program in SQLite's native heap until V8 happens to collect the
 * JS object. Reuse is safe because knex runs a statement to completion
 * (`all()` or `run()`, both synchronous) before it prepares the next one,
 * and SQLite prepares a statement again by itself when the schema it was
 * compiled against changes.
 */
export function cacheStatements<Connection extends PreparingConnection>(
  connection: Connection,
  max = 256
): Connection {
  const prepare = connection.prepare.bind(connection)
  const statements = new Map<string, unknown>()
  connection.prepare = (sql: string) => {
    let statement = statements.get(sql)
    if (statement) {
      // Map keeps insertion order: moving the entry to the end marks it recently used.
      statements.delete(sql)
    } else {
      statement = prepare(sql)
      if (statements.size >= max) statements.delete(statements.keys().next().value!)
    }
    statements.set(sql, statement)
    return statement
  }
  return connection
}
