import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'

/*
 * The queries of UploadDirectory (the staff's uploads page), as it sends them, on the
 * database of this run: each order reads an index, none sorts the table.
 */
test.group('Uploads: the directory reads indexes', () => {
  test('the list reads an index in every order, never the whole table', async ({ assert }) => {
    const mysql = db.connection().dialect.name === 'mysql'
    const queries: [string, unknown[]][] = [
      ['select * from uploads where id < ? order by id desc limit 26', [1000]],
      ['select * from uploads where user_id = ? and id < ? order by id desc limit 26', [1, 1000]],
      [
        'select * from uploads where (size < ? or (size = ? and id < ?)) order by size desc, id desc limit 26',
        [5000, 5000, 1000],
      ],
      [
        'select * from uploads where user_id = ? and (size < ? or (size = ? and id < ?)) order by size desc, id desc limit 26',
        [1, 5000, 5000, 1000],
      ],
    ]
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
