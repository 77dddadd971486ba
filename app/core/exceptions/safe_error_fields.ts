/**
 * What of an unexpected error may be logged: its name, code and the place
 * it was thrown. Database drivers put the SQL (with values) in the message,
 * so for them only the driver's own message is kept: mysql2's `sqlMessage`,
 * or for SQLite what knex appends after the SQL (`<sql> - <message>`).
 */
export function safeErrorFields(error: unknown) {
  if (!error || typeof error !== 'object') return { message: String(error) }
  const err = error as Record<string, any>
  const message =
    typeof err.sql === 'string' || /\b(insert|select|update|delete)\b/i.test(String(err.message))
      ? String(err.sqlMessage ?? sqliteMessage(err) ?? err.code ?? 'database error')
      : String(err.message ?? '')
  const frame = String(err.stack ?? '')
    .split('\n')
    .find((line) => line.trim().startsWith('at '))
    ?.trim()
  return { name: err.name, code: err.code, message, at: frame }
}

/** "SQLITE_ERROR: too many terms in compound SELECT" out of knex's "<sql> - <message>". */
function sqliteMessage(err: Record<string, any>) {
  if (typeof err.code !== 'string' || !err.code.startsWith('SQLITE_')) return undefined
  const message = String(err.message ?? '')
  const at = message.lastIndexOf(' - ')
  return at < 0 ? err.code : `${err.code}: ${message.slice(at + 3)}`
}
