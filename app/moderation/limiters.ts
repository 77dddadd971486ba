import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import limiter from '@adonisjs/limiter/services/main'
import { apiUser } from '#accounts/public'
import config from '#moderation/config'

let throttle: ReturnType<typeof limiter.define> | undefined

/** Reports per member per minute (RATE_LIMIT_REPORTS_PER_USER), after the auth middleware. */
export function throttleReports(ctx: HttpContext, next: NextFn) {
  // Defined on the first request: the limiter service exists once the app has booted.
  throttle ??= limiter.define('reports', (request) =>
    limiter
      .allowRequests(config.get().reportsPerUserPerMinute)
      .every('1 minute')
      .usingKey(`user:${apiUser(request.auth).id}`)
  )
  return throttle(ctx, next)
}
