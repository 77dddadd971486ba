import { test } from '@japa/runner'
import Database from 'better-sqlite3'
import { cacheStatements, withStablePlans } from '#core/database/sqlite_statement_cache'

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

  test('parameters are written +? outside quotes, except a LIKE or GLOB pattern', ({ assert }) => {
    assert.equal(
      withStablePlans('select `a?` from t where id = ? and b in (?, ?) limit ? offset ?'),
      'select `a?` from t where id = +? and b in (+?, +?) limit +? offset +?'
    )
    assert.equal(
      withStablePlans('select \'?\', "?" from t where x = ? and n like ? and m GLOB ?'),
      'select \'?\', "?" from t where x = +? and n like ? and m GLOB ?'
    )
    assert.equal(withStablePlans("select 'it''s ?' where a = ?"), "select 'it''s ?' where a = +?")
    assert.equal(withStablePlans('select 1'), 'select 1')
  })

  test('statements written +? answer and write as with ?', ({ assert }) => {
    const connection = cacheStatements(new Database(':memory:'))
    connection.prepare('create table notes (id integer primary key, a text, n integer)').run()
    const insert = connection.prepare('insert into notes (a, n) values (?, ?)')
    for (const [a, n] of [
      ['x', 1],
      ['7', 2],
      ['Yz', 3],
    ] as const)
      insert.run(a, n)
    // The column's affinity applies to the value as it does to a plain parameter.
    assert.deepEqual(connection.prepare('select id from notes where n = ?').all('2'), [{ id: 2 }])
    assert.deepEqual(connection.prepare('select id from notes where a = ?').all(7n), [{ id: 2 }])
    assert.deepEqual(
      connection
        .prepare('select a from notes where id in (?, ?) order by id limit ? offset ?')
        .all(1, 3, 1, 1),
      [{ a: 'Yz' }]
    )
    assert.deepEqual(connection.prepare('select n from notes where a like ?').all('y%'), [{ n: 3 }])
    connection.prepare('update notes set n = n + ? where id = ?').run(10, 1)
    assert.deepEqual(connection.prepare('select n from notes where id = ?').get(1), { n: 11 })
    connection.close()
  })
})
