/*
|--------------------------------------------------------------------------
| Environment variables
|--------------------------------------------------------------------------
|
| Every variable the app reads is declared and validated here. A bad or
| missing value stops the boot with a message naming the variable.
| .env.example documents each one.
|
*/

import { Env } from '@adonisjs/core/env'
import app from '@adonisjs/core/services/app'

/** MySQL settings are required only when MySQL is the selected connection. */
const notMysql = () => (process.env.DB_CONNECTION ?? 'sqlite') !== 'mysql'

export const schema = {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  TRUSTED_PROXIES: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.enum([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),

  /*
  | Database: embedded SQLite by default, MariaDB/MySQL in production
  */
  DB_CONNECTION: Env.schema.enum(['sqlite', 'mysql'] as const),
  SQLITE_FILENAME: Env.schema.string.optional(),
  SQLITE_CACHE_MB: Env.schema.number.optional(),
  MYSQL_HOST: Env.schema.string.optionalWhen(notMysql, { format: 'host' }),
  MYSQL_PORT: Env.schema.number.optional(),
  MYSQL_USER: Env.schema.string.optionalWhen(notMysql),
  MYSQL_PASSWORD: Env.schema.string.optional(),
  MYSQL_DATABASE: Env.schema.string.optionalWhen(notMysql),
  MYSQL_READ_HOSTS: Env.schema.string.optional(),
  // Replicas lagging more than this are left aside (reads go to the primary); checked this often.
  MYSQL_REPLICA_MAX_LAG_MS: Env.schema.number.optional(),
  MYSQL_REPLICA_CHECK_MS: Env.schema.number.optional(),
  // After a write, the client's reads stay on the primary this long (longer than the lag bound).
  READ_YOUR_WRITES_MS: Env.schema.number.optional(),
  MYSQL_STATEMENT_TIMEOUT_MS: Env.schema.number.optional(),

  /*
  | Cache, rate limiter and session stores
  */
  CACHE_STORE: Env.schema.enum(['memory', 'redis'] as const),
  LIMITER_STORE: Env.schema.enum(['memory', 'redis'] as const),
  SESSION_DRIVER: Env.schema.enum(['cookie', 'redis', 'memory'] as const),
  CACHE_MEMORY_MAX_MB: Env.schema.number.optional(),
  // Cached public reads answered before the framework's pipeline (app/core/http/fast_lane.ts).
  HTTP_FAST_LANE: Env.schema.boolean.optional(),

  /*
  | Redis (only contacted when a store above is "redis")
  */
  REDIS_COMMAND_TIMEOUT_MS: Env.schema.number.optional(),
  CACHE_CHANGE_POLL_MS: Env.schema.number.optional(),
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  REDIS_DB: Env.schema.number.optional(),
  REDIS_LIMITER_DB: Env.schema.number.optional(),

  /*
  | JWT access tokens and rotating refresh tokens
  */
  JWT_SECRET: Env.schema.secret.optional(),
  JWT_ACCESS_TTL: Env.schema.string.optional(),
  JWT_REFRESH_TTL: Env.schema.string.optional(),

  /*
  | Board search: auto (FTS5 on SQLite, the term index on MariaDB) or like
  */
  SEARCH_ADAPTER: Env.schema.enum.optional(['auto', 'like'] as const),

  /*
  | Rate limits on credential endpoints (requests per minute)
  */
  RATE_LIMIT_LOGIN_PER_IP: Env.schema.number.optional(),
  RATE_LIMIT_LOGIN_PER_USER: Env.schema.number.optional(),
  RATE_LIMIT_SIGNUP_PER_IP: Env.schema.number.optional(),

  /*
  | Operations
  */
  METRICS_TOKEN: Env.schema.secret.optional(),
  SHUTDOWN_TIMEOUT_MS: Env.schema.number.optional(),
  /** Read by the Docker entrypoint (ops/docker-entrypoint.sh), declared so a typo fails the boot. */
  RUN_MIGRATIONS: Env.schema.boolean.optional(),

  /*
  | Board plugin: the allowed tags, comma separated (unset: any tag)
  */
  BOARD_TAGS: Env.schema.string.optional(),

  /*
  | Word filter plugin: the plugin's config schema validates these at boot
  */
  WORD_FILTER_WORDS: Env.schema.string.optional(),
  WORD_FILTER_MODE: Env.schema.string.optional(),

  /*
  | Webhooks plugin: delivery worker (ranges checked by the plugin's schema)
  */
  WEBHOOK_WORKER: Env.schema.boolean.optional(),
  WEBHOOK_POLL_INTERVAL_MS: Env.schema.number.optional(),
  WEBHOOK_BACKOFF_BASE_MS: Env.schema.number.optional(),
  WEBHOOK_MAX_ATTEMPTS: Env.schema.number.optional(),
  WEBHOOK_TIMEOUT_MS: Env.schema.number.optional(),
  WEBHOOK_DISABLE_AFTER: Env.schema.number.optional(),
  WEBHOOK_BATCH_SIZE: Env.schema.number.optional(),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: Env.schema.boolean.optional(),

  /*
  | Notifications plugin: fan-out worker and email digests (ranges checked by the plugin's schema)
  */
  NOTIFY_WORKER: Env.schema.boolean.optional(),
  NOTIFY_POLL_INTERVAL_MS: Env.schema.number.optional(),
  NOTIFY_BATCH_SIZE: Env.schema.number.optional(),
  NOTIFY_EMAIL_DIGEST_MINUTES: Env.schema.number.optional(),
  NOTIFY_REALTIME_TRANSPORT: Env.schema.enum.optional(['memory', 'redis'] as const),
  NOTIFY_SSE_PING_SECONDS: Env.schema.number.optional(),
  NOTIFY_SSE_MAX_PER_IP: Env.schema.number.optional(),
  NOTIFY_SSE_MAX_PER_USER: Env.schema.number.optional(),
  NOTIFY_SSE_IDLE_MINUTES: Env.schema.number.optional(),

  /*
  | Uploads plugin: storage disk, S3 bucket, limits (app/uploads/config.ts checks the ranges)
  */
  DRIVE_DISK: Env.schema.enum.optional(['fs', 's3'] as const),
  UPLOAD_FS_ROOT: Env.schema.string.optional(),
  S3_BUCKET: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional({ format: 'url', tld: false }),
  S3_ACCESS_KEY_ID: Env.schema.string.optional(),
  S3_SECRET_ACCESS_KEY: Env.schema.secret.optional(),
  S3_FORCE_PATH_STYLE: Env.schema.boolean.optional(),
  S3_SIGNED_URL_SECONDS: Env.schema.number.optional(),
  UPLOAD_TYPES: Env.schema.string.optional(),
  UPLOAD_MAX_MB: Env.schema.number.optional(),
  UPLOAD_QUOTA_MB: Env.schema.number.optional(),
  UPLOAD_MAX_MEGAPIXELS: Env.schema.number.optional(),
  UPLOAD_ANIMATED: Env.schema.enum.optional(['keep', 'refuse'] as const),
  UPLOAD_THUMBNAIL_SIZE: Env.schema.number.optional(),
  RATE_LIMIT_UPLOADS_PER_USER: Env.schema.number.optional(),
  UPLOAD_UNATTACHED_TTL_HOURS: Env.schema.number.optional(),
  UPLOAD_PRUNE_WORKER: Env.schema.boolean.optional(),
  UPLOAD_PRUNE_INTERVAL_MS: Env.schema.number.optional(),
  UPLOAD_DISK_WARN_FREE_MB: Env.schema.number.optional(),

  /*
  | Personal API tokens: creations per account per minute, and the days
  | after which an unused token stops working (0: never)
  */
  RATE_LIMIT_API_TOKENS_PER_USER: Env.schema.number.optional(),
  API_TOKEN_UNUSED_DAYS: Env.schema.number.optional(),

  /*
  | Mail plugin: transport, sender, outbox worker (app/mail/config.ts checks the rest)
  */
  MAIL_MAILER: Env.schema.enum.optional(['file', 'smtp'] as const),
  MAIL_FROM: Env.schema.string.optional(),
  MAIL_FILE_DIR: Env.schema.string.optional(),
  SMTP_HOST: Env.schema.string.optional({ format: 'host' }),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.secret.optional(),
  MAIL_WORKER: Env.schema.boolean.optional(),
  MAIL_POLL_INTERVAL_MS: Env.schema.number.optional(),
  MAIL_BACKOFF_BASE_MS: Env.schema.number.optional(),
  MAIL_MAX_ATTEMPTS: Env.schema.number.optional(),
  MAIL_TIMEOUT_MS: Env.schema.number.optional(),
  MAIL_BATCH_SIZE: Env.schema.number.optional(),
  MAIL_RETENTION_DAYS: Env.schema.number.optional(),

  /*
  | Accounts by email: reset and verification links, lifetimes, limits
  */
  PASSWORD_RESET_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  PASSWORD_RESET_TTL: Env.schema.string.optional(),
  EMAIL_VERIFY_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  EMAIL_VERIFY_TTL: Env.schema.string.optional(),
  REQUIRE_VERIFIED_EMAIL: Env.schema.boolean.optional(),
  RATE_LIMIT_PASSWORD_RESET_PER_IP: Env.schema.number.optional(),
  RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS: Env.schema.number.optional(),
  RATE_LIMIT_EMAIL_VERIFICATION_PER_USER: Env.schema.number.optional(),

  /*
  | Moderation plugin: reports that hide content until a moderator decides, report limit;
  | the approval queue for new members' first posts (0: off)
  */
  REPORTS_TO_HIDE: Env.schema.number.optional(),
  NEW_USER_APPROVAL_POSTS: Env.schema.number.optional(),

  /*
  | Spam limits on writes, per minute: per member, per IP, per member younger than a day
  | (staff exempt; docs/moderation.md)
  */
  RATE_LIMIT_POSTS_PER_USER: Env.schema.number.optional(),
  RATE_LIMIT_POSTS_PER_IP: Env.schema.number.optional(),
  RATE_LIMIT_NEW_USER_POSTS: Env.schema.number.optional(),
  RATE_LIMIT_COMMENTS_PER_USER: Env.schema.number.optional(),
  RATE_LIMIT_COMMENTS_PER_IP: Env.schema.number.optional(),
  RATE_LIMIT_NEW_USER_COMMENTS: Env.schema.number.optional(),
  RATE_LIMIT_VOTES_PER_USER: Env.schema.number.optional(),
  RATE_LIMIT_VOTES_PER_IP: Env.schema.number.optional(),
  RATE_LIMIT_NEW_USER_VOTES: Env.schema.number.optional(),
  RATE_LIMIT_REPORTS_PER_USER: Env.schema.number.optional(),
  RATE_LIMIT_REPORTS_PER_IP: Env.schema.number.optional(),
  RATE_LIMIT_NEW_USER_REPORTS: Env.schema.number.optional(),
}

/** One line per bad or missing variable, when the environment did not validate. */
let problems: string[] = []

/**
 * A bad or missing variable stops the process with one line per problem,
 * naming the variable, instead of a stack trace. Ace reads every command's
 * definition before it knows whether the command boots the app, and
 * `node ace build` (in a Docker image, on a fresh clone) runs with no
 * environment at all: there the check waits for the boot (exitOnInvalidEnv).
 */
async function createEnv() {
  try {
    return await Env.create(new URL('../', import.meta.url), schema)
  } catch (error) {
    if ((error as { code?: string }).code !== 'E_INVALID_ENV_VARIABLES') throw error
    const help = String((error as { help?: string }).help ?? '')
    problems = help
      .split('\n')
      .filter(Boolean)
      .map((line) => `Invalid environment: ${line.replace(/^- /, '')}`)
    if (app?.getEnvironment() === 'console' && !app.isBooted) {
      return new Env(process.env) as unknown as Awaited<
        ReturnType<typeof Env.create<typeof schema>>
      >
    }
    exitOnInvalidEnv()
  }
}

/** Stops the process when the environment did not validate (Ace calls it as the app boots). */
export function exitOnInvalidEnv() {
  if (problems.length === 0) return
  for (const line of problems) console.error(line)
  process.exit(1)
}

const env = (await createEnv())!
export default env
