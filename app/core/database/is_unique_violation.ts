/** True for a unique-index violation on MariaDB/MySQL or SQLite. */
export function isUniqueViolation(error: unknown) {
  const code = (error as { code?: string } | null)?.code
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}
