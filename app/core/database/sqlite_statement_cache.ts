/** What the cache needs of a better-sqlite3 connection. */
export interface PreparingConnection {
  prepare(sql: string): unknown
}

/**
 * Makes a better-sqlite3 connection reuse its prepared statements, keyed by
 * SQL text and bounded (least recently used out), with plans that binding
 * new values does not throw away (`withStablePlans`).
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
      statement = prepare(withStablePlans(sql))
      if (statements.size >= max) statements.delete(statements.keys().next().value!)
    }
    statements.set(sql, statement)
    return statement
  }
  return connection
}

/** LIKE and GLOB use their pattern's value to plan a prefix range: their parameter stays. */
const PATTERN_OPERATOR = /\b(like|glob)\s*$/i

/**
 * The SQL with each parameter written `+?` (the same value, no affinity,
 * as `?` has none), outside quoted text and except a LIKE or GLOB pattern.
 *
 * better-sqlite3 builds SQLite with STAT4, and SQLite then marks a
 * parameter it looked at while planning (a join's equality, a LIMIT) so
 * that binding a new value re-prepares the statement on its next run: every
 * run, since each query binds its values anew. For the board's joins that
 * re-prepare cost several times the query itself. SQLite plans `+?` as it
 * plans `?` (the same indexes; docs/performance.md shows the plans) but
 * never marks it. The switch that turns the marking off (SQLITE_DBCONFIG_ENABLE_QPSG)
 * is not reachable from better-sqlite3.
 */
export function withStablePlans(sql: string) {
  if (!sql.includes('?')) return sql
  let out = ''
  let quote: string | undefined
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = undefined
    } else if (char === "'" || char === '"' || char === '`') {
      quote = char
    } else if (char === '?' && !PATTERN_OPERATOR.test(out.slice(-8))) {
      out += '+'
    }
    out += char
  }
  return out
}
