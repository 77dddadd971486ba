import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { createAppServer } from '#core/http/app_server'
import { skippedForServices } from '#tests/helpers/required_services'

export const plugins: Config['plugins'] = [assert(), pluginAdonisJS(app), apiClient()]

/**
 * The test database is rebuilt from the migrations once per run, the base
 * data seeded and the cache emptied; tests create their own rows with
 * unique names.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      await dropSqliteVirtualTables()
      const ace = await app.container.make('ace')
      const command = await ace.exec('migration:fresh', ['--force'])
      if (command.exitCode !== 0) throw command.error ?? new Error('migration:fresh failed')
      await testUtils.db().seed()
      // Cached rows of an earlier run would shadow the fresh database (ids start over).
      const { default: cache } = await import('@adonisjs/cache/services/main')
      await cache.clear()
      // Changes made by Ace commands and servers the tests start reach this process's cache.
      const { processFeed } = await import('#core/cache/cache_change_feed')
      processFeed.current?.start()
    },
  ],
  teardown: [
    () => {
      // On exit, so the list comes after Japa's summary, as the run's last words.
      process.once('exit', printSkippedForServices)
    },
  ],
}

function printSkippedForServices() {
  const skipped = skippedForServices()
  if (!skipped.length) return
  console.log(`\n  SKIPPED for want of a service (${skipped.length}):`)
  for (const line of skipped) console.log(`  - ${line}`)
  console.log(
    '  REQUIRE_SERVICES=1 npm test runs them and fails on what is missing (as .ci/run does).\n'
  )
}

/**
 * `migration:fresh` drops every table it lists, FTS5 shadow tables included,
 * which vanish with their virtual table first and make the drop fail.
 */
async function dropSqliteVirtualTables() {
  const { default: db } = await import('@adonisjs/lucid/services/db')
  if (db.connection().dialect.name === 'mysql') return
  const tables = await db
    .from('sqlite_master')
    .where('type', 'table')
    .whereLike('sql', 'CREATE VIRTUAL TABLE%')
    .select('name')
  for (const { name } of tables) await db.rawQuery(`DROP TABLE IF EXISTS "${name}"`)
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['browser', 'functional', 'reliability', 'e2e'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start(createAppServer))
  }
}
