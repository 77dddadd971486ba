import type { HttpRequestFinishedPayload } from '@adonisjs/core/types/http'
import { hrtimeToSeconds } from '#core/metrics/hrtime_to_seconds'
import { finalStatus } from '#core/http/final_status'
import type { FastLaneServed } from '#core/http/fast_lane'
import logger from '@adonisjs/core/services/logger'

/** Probes and scrapes would drown the log at info level. */
const QUIET_ROUTES = new Set(['/health', '/health/ready', '/ping', '/metrics'])

/**
 * One line per finished request, through the request's logger (which
 * carries `request_id`). The route pattern, never the raw URL: query strings
 * may carry secrets. Never headers or bodies.
 */
export function logRequest({ ctx, duration }: HttpRequestFinishedPayload) {
  const route = ctx.route?.pattern ?? null
  const level = route && QUIET_ROUTES.has(route) ? 'debug' : 'info'
  ctx.logger[level](
    {
      method: ctx.request.method(),
      route,
      status: finalStatus(ctx),
      duration_ms: toMilliseconds(hrtimeToSeconds(duration)),
      // ctx.auth exists only on matched routes; `user` only after authentication.
      user_id: ctx.auth?.user?.id,
    },
    'request completed'
  )
}

/** The same line for a request the fast lane answered (a public read: no user, as on the framework path). */
export function logFastLaneRequest({
  requestId,
  method,
  route,
  status,
  durationSeconds,
}: FastLaneServed) {
  if (!logger.isLevelEnabled('info')) return
  logger.info(
    {
      request_id: requestId,
      method,
      route,
      status,
      duration_ms: toMilliseconds(durationSeconds),
    },
    'request completed'
  )
}

/** Milliseconds with two decimals, as both request lines log them. */
function toMilliseconds(seconds: number) {
  return Math.round(seconds * 1e5) / 100
}
