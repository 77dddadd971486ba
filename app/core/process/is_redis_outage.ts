const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  'ENOTCONN',
])
const OUTAGE_MESSAGES = [
  'Connection is closed',
  "Stream isn't writeable",
  'Reached the max retries per request limit',
  'connect ECONNREFUSED',
]

/** True for the errors ioredis raises while the Redis server cannot be reached. */
export function isRedisOutage(error: unknown) {
  if (!error || typeof error !== 'object') return false
  const { name, code, message } = error as { name?: string; code?: string; message?: string }
  if (name === 'MaxRetriesPerRequestError') return true
  if (code && OUTAGE_CODES.has(code)) return true
  return OUTAGE_MESSAGES.some((text) => String(message ?? '').includes(text))
}
