import { readdirSync, rmSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { MigrationRunner } from '@adonisjs/lucid/migration'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import plugins from '#config/plugins'
import { pluginFolder } from '#core/plugins/define_plugin'
import { pluginOn } from '#core/plugins/plugin_on'
import { sqlTime } from '#core/database/sql_now'
import { toIso } from '#core/database/to_iso'
import { runAce } from '#tests/helpers/child_processes'
import { login, PASSWORD, uniqueName } from '#tests/helpers/accounts'

/**
 * Every time the API answers is stored with milliseconds (docs/architecture.md,
 * "Times"): on MariaDB as DATETIME(3), on SQLite as fixed-width text.
 */

const mysql = () => db.connection().dialect.name === 'mysql'

/**
 * Where times are kept without milliseconds: MariaDB columns other than
 * DATETIME(3); on SQLite (which stores what it is given) rows of `datetime`
 * columns, knex's type for timestamp() and dateTime(), that are not the
 * fixed-width text.
 */
async function wholeSecondTimes(client: QueryClientContract) {
  if (client.dialect.name === 'mysql') {
    const [rows] = await client.rawQuery(
      `SELECT table_name AS t, column_name AS c, column_type AS type FROM information_schema.columns
       WHERE table_schema = DATABASE() AND data_type IN ('timestamp', 'datetime')
       AND table_name NOT IN ('adonis_schema', 'adonis_schema_versions')`
    )
    if (rows.length < 10) throw new Error(`only ${rows.length} time columns found`)
    return rows
      .filter((row: { type: string }) => row.type !== 'datetime(3)')
      .map((row: { t: string; c: string; type: string }) => `${row.t}.${row.c}: ${row.type}`)
  }
  const tables = await client
    .from('sqlite_master')
    .where('type', 'table')
    .whereNot('sql', 'like', 'CREATE VIRTUAL TABLE%')
    .whereNotIn('name', ['adonis_schema', 'adonis_schema_versions'])
    .whereNot('name', 'like', 'sqlite_%')
    .select('name')
  const misfits: string[] = []
  let columns = 0
  for (const { name: table } of tables) {
    for (const { name: column, type } of await client.rawQuery(`PRAGMA table_info("${table}")`)) {
      if (type !== 'datetime') continue
      columns++
      const row = await client
        .from(table)
        .whereNotNull(column)
        .where((q) =>
          q.whereRaw(`typeof("${column}") <> 'text'`).orWhereRaw(`length("${column}") <> 23`)
        )
        .select(client.raw(`"${column}" as value`))
        .first()
      if (row) misfits.push(`${table}.${column}: ${row.value}`)
    }
  }
  if (columns < 10) throw new Error(`only ${columns} time columns found`)
  return misfits
}

test.group('Times: milliseconds everywhere', () => {
  test('every time column keeps milliseconds', async ({ assert }) => {
    assert.deepEqual(await wholeSecondTimes(db.connection()), [])
  })

  test('an account answers the created_at it stored, to the millisecond', async ({
    client,
    assert,
  }) => {
    const name = uniqueName('t')
    const signup = await client.post('/api/v1/user').json({
      name,
      email: `${name}@example.com`,
      password: PASSWORD,
      password_confirmation: PASSWORD,
    })
    signup.assertStatus(201)
    const session = await login(client, name)
    const me = await client.get('/api/v1/user/me').headers(session.auth)
    // Lucid's own column wrote whole seconds: the signup answered ".427Z", later reads ".000Z".
    assert.equal(me.body().created_at, signup.body().created_at)
    const row = await db.from('users').where('id', signup.body().id).first()
    assert.equal(toIso(row.created_at), signup.body().created_at)
  })

  test('every model writes its datetime columns with milliseconds', async ({ assert }) => {
    const folders = ['app', 'packages'].flatMap((top) =>
      readdirSync(app.makePath(top)).map((name) => `${top}/${name}/models`)
    )
    const at = DateTime.fromISO('2026-12-07T10:00:00.123Z')
    let checked = 0
    for (const folder of folders) {
      let files: string[]
      try {
        files = readdirSync(app.makePath(folder)).filter((file) => /\.(ts|js)$/.test(file))
      } catch {
        continue
      }
      for (const file of files) {
        const Model = (await import(pathToFileURL(app.makePath(folder, file)).href))
          .default as LucidModel
        if (!Model?.$columnsDefinitions) continue
        for (const [attribute, column] of Model.$columnsDefinitions) {
          if (column.meta?.type !== 'datetime') continue
          const written = column.prepare!(at, attribute, new Model())
          assert.equal(written, '2026-12-07 10:00:00.123', `${folder}/${file} ${attribute}`)
          checked++
        }
      }
    }
    assert.isAbove(checked, 10)
  })

  test('a database from before milliseconds is upgraded by the migrations', async ({ assert }) => {
    const env = scratchEnv()
    const client = await openScratch(env)
    try {
      // No advisory lock: the scratch database is this test's alone, and MariaDB's lock is server-wide.
      const migrator = new MigrationRunner(db, app, {
        direction: 'up',
        connectionName: 'upgrade',
        disableLocks: true,
      })
      await migrator.run()
      if (migrator.error) throw migrator.error
      // Back to the schema before milliseconds: the migrations that add them undone and forgotten.
      const upgrades = millisecondMigrations()
      for (const migration of upgrades.toReversed()) {
        const { default: Migration } = await import(pathToFileURL(app.makePath(migration)).href)
        await new Migration(client, migration).execDown()
      }
      await client
        .from('adonis_schema')
        .whereIn(
          'name',
          upgrades.map((file) => file.replace(/\.(ts|js)$/, ''))
        )
        .delete()

      const rows = await writeOldRows(client)
      assert.isNotEmpty(await wholeSecondTimes(client), 'the schema and rows of before')
      if (!mysql()) {
        // The reason for the upgrade: whole-second text sorts before the same second with ".000".
        const early = await client.from('users').where('created_at', '>=', sqlTime(OLD)).first()
        assert.notExists(early)
      }

      // The upgrade as a deployment runs it.
      runAce(['migration:run', '--force', '--disable-locks'], env)
      assert.deepEqual(await wholeSecondTimes(client), [])

      const sqlite = !mysql()
      for (const [table, column, expected] of rows) {
        const row = await client.from(table).select(column).first()
        const label = `${table}.${column}`
        assert.equal(toIso(row[column]), new Date(expected).toISOString(), label)
        if (sqlite) assert.equal(row[column], sqlTime(expected), label)
        // A bound at that very millisecond finds the row on either side.
        const at = sqlTime(expected)
        for (const [operator, count] of [
          ['>=', 1],
          ['<=', 1],
          ['<', 0],
          ['>', 0],
        ] as const) {
          const found = await client.from(table).where(column, operator, at).count('* as n').first()
          assert.equal(Number(found.n), count, `${label} ${operator} ${at}`)
        }
      }
    } finally {
      await closeScratch(env)
    }
  }).timeout(180_000)
})

/** 2026-01-02 03:04:05.000 UTC: a time written before milliseconds. */
const OLD = Date.UTC(2026, 0, 2, 3, 4, 5)
const OLD_TEXT = '2026-01-02 03:04:05'

/** The migrations of the plugins switched on that add milliseconds, in the order they run. */
function millisecondMigrations() {
  return plugins.flatMap((plugin) => {
    if (!plugin.migrations) return []
    const folder = pluginFolder(plugin.migrations, app.appRoot)
    return readdirSync(app.makePath(folder))
      .filter((file) => /_with_milliseconds\.(ts|js)$/.test(file))
      .sort()
      .map((file) => `${folder}/${file}`)
  })
}

/**
 * Rows as the app wrote them before milliseconds: whole-second text on
 * SQLite (the webhook's redelivery did so too), a JS Date for reading
 * times (SQLite kept its epoch milliseconds). Returns what to check:
 * table, column and the time it should read as.
 */
async function writeOldRows(client: QueryClientContract) {
  const checks: [string, string, number][] = []
  const [roleId] = await client.table('roles').insert({ name: 'user' })
  await client.table('users').insert({
    name: 'old',
    email: 'old@example.com',
    password: 'x',
    role_id: roleId,
    token_version: 1,
    created_at: OLD_TEXT,
    updated_at: OLD_TEXT,
  })
  checks.push(['users', 'created_at', OLD], ['users', 'updated_at', OLD])
  if (pluginOn('board')) {
    const user = await client.from('users').where('name', 'old').firstOrFail()
    const [categoryId] = await client.table('categories').insert({
      name: 'old',
      created_at: OLD_TEXT,
      updated_at: OLD_TEXT,
    })
    await client.table('posts').insert({
      user_id: user.id,
      category_id: categoryId,
      board_id: categoryId,
      created_at: OLD_TEXT,
      updated_at: OLD_TEXT,
      deleted_at: OLD_TEXT,
    })
    checks.push(['posts', 'created_at', OLD], ['posts', 'deleted_at', OLD])
  }
  if (pluginOn('webhooks')) {
    const [subscriptionId] = await client.table('webhook_subscriptions').insert({
      url: 'http://127.0.0.1:9/',
      events: '["*"]',
      secret_encrypted: 'x',
      created_at: OLD_TEXT,
      updated_at: OLD_TEXT,
    })
    await client.table('webhook_deliveries').insert({
      subscription_id: subscriptionId,
      event: 'post:created',
      delivery_key: 'old',
      body: '{}',
      status: 'pending',
      next_attempt_at: OLD_TEXT,
      created_at: OLD_TEXT,
      updated_at: OLD_TEXT,
    })
    checks.push(['webhook_deliveries', 'next_attempt_at', OLD])
  }
  if (pluginOn('audit')) {
    await client.table('audit_entries').insert({
      action: 'post.deleted',
      resource_type: 'post',
      created_at: OLD_TEXT,
    })
    checks.push(['audit_entries', 'created_at', OLD])
  }
  if (pluginOn('reading-time')) {
    // MariaDB's whole-second column dropped the fraction; SQLite kept the number.
    const at = OLD + 678
    await client.table('reading_times').insert({ post_id: 1, words: 3, updated_at: new Date(at) })
    checks.push(['reading_times', 'updated_at', mysql() ? OLD : at])
  }
  return checks
}

/** A database of its own, beside the test database. */
function scratchEnv(): Record<string, string> {
  const stores = { CACHE_STORE: 'memory', LIMITER_STORE: 'memory' }
  if (!mysql()) {
    return { ...stores, DB_CONNECTION: 'sqlite', SQLITE_FILENAME: 'tmp/upgrade_times.sqlite3' }
  }
  const { connection } = db.getRawConnection('mysql')!.config as any
  return {
    ...stores,
    DB_CONNECTION: 'mysql',
    MYSQL_HOST: String(connection.host),
    MYSQL_PORT: String(connection.port),
    MYSQL_USER: String(connection.user),
    MYSQL_PASSWORD: String(connection.password ?? ''),
    MYSQL_DATABASE: `${connection.database}_upgrade`,
  }
}

async function openScratch(env: Record<string, string>) {
  await closeScratch(env)
  const base = db.getRawConnection(db.primaryConnectionName)!.config as any
  if (env.DB_CONNECTION === 'mysql') {
    await db.rawQuery(`CREATE DATABASE \`${env.MYSQL_DATABASE}\``)
    db.manager.add('upgrade', {
      ...base,
      replicas: undefined,
      connection: { ...base.connection, database: env.MYSQL_DATABASE },
    })
  } else {
    db.manager.add('upgrade', {
      ...base,
      connection: { filename: app.makePath(env.SQLITE_FILENAME) },
    })
  }
  return db.connection('upgrade')
}

async function closeScratch(env: Record<string, string>) {
  if (db.manager.has('upgrade')) await db.manager.release('upgrade')
  if (env.DB_CONNECTION === 'mysql') {
    await db.rawQuery(`DROP DATABASE IF EXISTS \`${env.MYSQL_DATABASE}\``)
  } else {
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(app.makePath(env.SQLITE_FILENAME + suffix), { force: true })
  }
}
