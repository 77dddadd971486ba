import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UploadDirectory } from '#uploads/queries/upload_directory'

/*
 * The queries of UploadDirectory (the staff's uploads page), as it builds them, on the
 * database of this run: each order reads an index, none sorts the table.
 */
test.group('Uploads: the directory reads indexes', () => {
  test('the list reads an index in every order, never the whole table', async ({ assert }) => {
    const mysql = db.connection().dialect.name === 'mysql'
    const queries = [
      { sort: 'newest' as const, cursor: '1000' },
      { sort: 'newest' as const, userId: 1, cursor: '1000' },
      { sort: 'size' as const, cursor: '5000.1000' },
      { sort: 'size' as const, userId: 1, cursor: '5000.1000' },
    ].map((filters) => {
      const { sql, bindings } = UploadDirectory.pageQuery(filters).toSQL()
      return [sql, bindings as unknown[]] as const
    })
    for (const [sql, bindings] of queries) {
      if (mysql) {
        const [rows] = await db.rawQuery(`explain ${sql}`, bindings)
        const plan = rows.map(
          (row: { key: string | null; Extra: string | null }) => `${row.key} ${row.Extra}`
        )
        assert.notMatch(plan.join(' | '), /^null|filesort/, `${sql}: ${plan.join(' | ')}`)
      } else {
        const rows = await db.rawQuery(`explain query plan ${sql}`, bindings)
        const plan = rows.map((row: { detail: string }) => row.detail).join(' | ')
        assert.notMatch(plan, /^SCAN uploads$|TEMP B-TREE/, `${sql}: ${plan}`)
      }
    }
  })
})
