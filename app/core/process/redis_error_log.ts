import logger from '@adonisjs/core/services/logger'

/** A client that cannot reach Redis logs at most one line per this many milliseconds. */
const INTERVAL_MS = 30_000

/**
 * A reporter for one Redis client's connection errors: a JSON warning line
 * naming the client and the error code, at most once per interval, with how
 * many errors it stands for. A client retries every few seconds while Redis
 * is down, and a line (or stack) per attempt would bury the log.
 */
export function redisErrorReporter(client: string, interval = INTERVAL_MS) {
  let lastAt = -Infinity
  let folded = 0
  return (error: NodeJS.ErrnoException) => {
    const now = performance.now()
    if (now - lastAt < interval) {
      folded++
      return
    }
    logger.warn(
      { connection: client, code: error.code ?? error.name, errors: folded + 1 },
      'redis connection error'
    )
    lastAt = now
    folded = 0
  }
}
