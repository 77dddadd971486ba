import logger from '@adonisjs/core/services/logger'

/** The first line of what knex logs: its message, never a stack. */
function firstLine(message: unknown) {
  return String(message instanceof Error ? message.message : message).split('\n')[0]
}

/**
 * knex's own log (config `log`): during a database outage it warns
 * "Acquire connection error: <stack>" for every attempt; the app's log keeps
 * one JSON line with the message alone, as for every other error.
 */
export function knexLog(connection: string) {
  return {
    warn: (message: unknown) => logger.warn({ connection }, firstLine(message)),
    error: (message: unknown) => logger.error({ connection }, firstLine(message)),
    deprecate: (message: unknown) => logger.warn({ connection }, firstLine(message)),
    debug: () => {},
  }
}

/**
 * `log` for a Lucid connection config, spread into it: Lucid hands the
 * config to knex, whose `log` wins over Lucid's own, but Lucid's config
 * types do not name it.
 */
export function knexLogOption(connection: string): object {
  return { log: knexLog(connection) }
}
