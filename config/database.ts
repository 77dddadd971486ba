import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import plugins from '#config/plugins'
import { pluginFolder } from '#core/plugins/define_plugin'
import { cacheStatements } from '#core/database/sqlite_statement_cache'
import { knexLogOption } from '#core/database/knex_log'

/**
 * Each plugin owns its migrations and seeders; their folders are collected
 * in the order the plugins are listed, so a plugin may reference tables of
 * the plugins listed before it. A package gives its folders as URLs; they
 * become paths relative to the app root, under which the migrator records
 * each migration.
 */
const folders = (field: 'migrations' | 'seeders') =>
  plugins.flatMap((plugin) => {
    const folder = plugin[field]
    return folder ? [pluginFolder(folder, app.appRoot)] : []
  })

/** The core's own tables (the cache change log) come before every plugin's. */
const migrations = {
  naturalSort: true,
  paths: ['app/core/database/migrations', ...folders('migrations')],
}
const seeders = { paths: folders('seeders') }

/**
 * Read replicas: a comma separated list of `host` or `host:port` (MYSQL_PORT
 * when none is given); writes always go to MYSQL_HOST.
 */
const readHosts = (env.get('MYSQL_READ_HOSTS') ?? '')
  .split(',')
  .map((entry) => entry.trim())
  .filter(Boolean)
  .map((entry) => {
    const [host, port] = entry.split(':')
    return port ? { host, port: Number(port) } : { host }
  })

const mysqlConnection = {
  host: env.get('MYSQL_HOST') ?? '127.0.0.1',
  port: env.get('MYSQL_PORT') ?? 3306,
  user: env.get('MYSQL_USER') ?? 'root',
  password: env.get('MYSQL_PASSWORD') ?? '',
  database: env.get('MYSQL_DATABASE') ?? 'board',
  charset: 'utf8mb4',
  timezone: 'Z',
  dateStrings: false,
  supportBigNumbers: true,
}

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION'),
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: {
        filename: app.makePath(env.get('SQLITE_FILENAME') ?? 'tmp/db.sqlite3'),
      },
      useNullAsDefault: true,
      ...knexLogOption('sqlite'),
      // Emits `db:query` for the query duration metric (config/prometheus.ts); nothing is logged.
      debug: true,
      migrations,
      seeders,
      schemaGeneration: { enabled: false },
      pool: {
        afterCreate: (conn: any, done: (error: Error | null, conn: unknown) => void) => {
          // WAL lets readers proceed during a write; foreign keys are off by default in SQLite.
          conn.pragma('journal_mode = WAL')
          conn.pragma('foreign_keys = ON')
          conn.pragma('busy_timeout = 5000')
          // better-sqlite3 builds SQLite with a 16 MB page cache; the OS caches the file anyway.
          conn.pragma(`cache_size = ${-1024 * (env.get('SQLITE_CACHE_MB') ?? 4)}`)
          done(null, cacheStatements(conn))
        },
      },
    },
    mysql: {
      client: 'mysql2',
      connection: mysqlConnection,
      ...knexLogOption('mysql'),
      replicas: readHosts.length
        ? {
            read: { connection: readHosts.map((host) => ({ ...mysqlConnection, ...host })) },
            write: { connection: mysqlConnection },
          }
        : undefined,
      pool: {
        min: 0,
        max: 10,
        // Bounds every statement, so one pathological search cannot hold connections for minutes
        // while requests queue behind it; the request answers 503 (ER_STATEMENT_TIMEOUT).
        afterCreate: (conn: any, done: (error: Error | null, conn: unknown) => void) => {
          const seconds = (env.get('MYSQL_STATEMENT_TIMEOUT_MS') ?? 5000) / 1000
          conn.query(`SET SESSION max_statement_time = ${Number(seconds)}`, (error: Error | null) =>
            done(error, conn)
          )
        },
      },
      debug: true,
      migrations,
      seeders,
      schemaGeneration: { enabled: false },
    },
  },
})

export default dbConfig
