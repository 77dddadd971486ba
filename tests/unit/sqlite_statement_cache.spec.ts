import { test } from '@japa/runner'
import Database from 'better-sqlite3'
import { cacheStatements } from '#core/database/sqlite_statement_cache'

test.group('SQLite statement cache', () => {
  test('one SQL text is prepared once, and the cache stays bounded', ({ assert }) => {
    const connection = new Database(':memory:')
    let prepared = 0
    const prepare = connection.prepare.bind(connection)
    connection.prepare = (sql: string) => {
      prepared++
      return prepare(sql)
    }
    cacheStatements(connection, 2)

    const first = connection.prepare('select 1 as one')
    assert.strictEqual(connection.prepare('select 1 as one'), first)
    assert.deepEqual(first.all(), [{ one: 1 }])
    assert.equal(prepared, 1)

    connection.prepare('select 2')
    connection.prepare('select 1 as one') // recently used again: `select 2` is now the oldest
    connection.prepare('select 3') // evicts `select 2`
    assert.strictEqual(connection.prepare('select 1 as one'), first)
    assert.equal(prepared, 3)
    connection.prepare('select 2')
    assert.equal(prepared, 4, 'the evicted statement is prepared again')
    connection.close()
  })

  test('a cached statement follows a schema change', ({ assert }) => {
    const connection = cacheStatements(new Database(':memory:'))
    connection.prepare('create table notes (a integer)').run()
    connection.prepare('insert into notes (a) values (?)').run(1)
    assert.deepEqual(connection.prepare('select * from notes').all(), [{ a: 1 }])
    connection.prepare('alter table notes add column b text').run()
    connection.prepare('update notes set b = ?').run('x')
    assert.deepEqual(connection.prepare('select * from notes').all(), [{ a: 1, b: 'x' }])
    connection.close()
  })
})
