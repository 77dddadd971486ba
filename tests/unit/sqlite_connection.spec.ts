import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'

/** The settings config/database.ts gives the app's own SQLite connection. */
test.group('SQLite connection', () => {
  const client = () => db.connection().getWriteClient().client

  test('reuses its prepared statements', async ({ assert }) => {
    const connection = await client().acquireConnection()
    try {
      assert.strictEqual(connection.prepare('select 1'), connection.prepare('select 1'))
    } finally {
      await client().releaseConnection(connection)
    }
  }).skip(db.primaryConnectionName !== 'sqlite', 'runs on SQLite only')

  test('bounds its page cache to SQLITE_CACHE_MB (4 MB by default)', async ({ assert }) => {
    const connection = await client().acquireConnection()
    try {
      assert.equal(connection.pragma('cache_size', { simple: true }), -4096)
    } finally {
      await client().releaseConnection(connection)
    }
  }).skip(db.primaryConnectionName !== 'sqlite', 'runs on SQLite only')
})
