import type { BaseSchema } from '@adonisjs/lucid/schema'

/** Table name -> its whole-second time columns -> whether each may be NULL. */
export type TimeColumns = Record<string, Record<string, 'null' | 'not null'>>

/**
 * For a plugin's migration: its `table.timestamp()` columns keep
 * milliseconds from now on (docs/architecture.md, "Times").
 *
 * MariaDB: TIMESTAMP (whole seconds) becomes DATETIME(3), one ALTER per
 * table (MariaDB copies the table once). DATETIME rather than TIMESTAMP(3):
 * no 2038 limit, no conversion through the session time zone (the app
 * writes UTC), and no implicit default or ON UPDATE that TIMESTAMP gets
 * when `explicit_defaults_for_timestamp` is off.
 *
 * SQLite keeps the text it was given: rows written before this have
 * "yyyy-MM-dd HH:mm:ss" and gain ".000", so every row has the fixed-width
 * text `sqlTime` writes and comparisons as text stay exact ("...:05" sorts
 * before "...:05.000", so mixed widths would misplace a row at a whole
 * second against a bound at that second).
 */
export function timesToMilliseconds(schema: BaseSchema, columns: TimeColumns) {
  for (const [table, times] of Object.entries(columns)) {
    if (schema.db.dialect.name === 'mysql') {
      const changes = Object.entries(times).map(
        ([column, nulls]) => `MODIFY \`${column}\` DATETIME(3) ${nulls.toUpperCase()}`
      )
      schema.schema.raw(`ALTER TABLE \`${table}\` ${changes.join(', ')}`)
    } else {
      padSqliteTimes(schema, table, Object.keys(times))
    }
  }
}

/** The way back, for `down()`: whole-second TIMESTAMP columns and text again. */
export function timesToSeconds(schema: BaseSchema, columns: TimeColumns) {
  for (const [table, times] of Object.entries(columns)) {
    if (schema.db.dialect.name === 'mysql') {
      const changes = Object.entries(times).map(
        ([column, nulls]) => `MODIFY \`${column}\` TIMESTAMP ${nulls.toUpperCase()}`
      )
      schema.schema.raw(`ALTER TABLE \`${table}\` ${changes.join(', ')}`)
    } else {
      for (const column of Object.keys(times)) {
        schema.schema.raw(
          `UPDATE "${table}" SET "${column}" = substr("${column}", 1, 19) WHERE length("${column}") > 19`
        )
      }
    }
  }
}

/**
 * SQLite only: "yyyy-MM-dd HH:mm:ss" text in these columns gains ".000".
 * For columns that already had milliseconds on MariaDB (DATETIME(3)) but
 * got whole-second text from some SQLite writer.
 */
export function padSqliteTimes(schema: BaseSchema, table: string, columns: string[]) {
  if (schema.db.dialect.name === 'mysql') return
  for (const column of columns) {
    schema.schema.raw(
      `UPDATE "${table}" SET "${column}" = "${column}" || '.000' WHERE length("${column}") = 19`
    )
  }
}
