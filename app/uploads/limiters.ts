import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import limiter from '@adonisjs/limiter/services/main'
import { apiUser } from '#accounts/public'
import config from '#uploads/config'

let throttle: ReturnType<typeof limiter.define> | undefined

/** Uploads per member per minute (RATE_LIMIT_UPLOADS_PER_USER), after the auth middleware. */
export function throttleUploads(ctx: HttpContext, next: NextFn) {
  // Defined on the first request: the limiter service exists once the app has booted.
  throttle ??= limiter.define('uploads', (request) =>
    limiter
      .allowRequests(config.get().perUserPerMinute)
      .every('1 minute')
      .usingKey(`user:${apiUser(request.auth).id}`)
  )
  return throttle(ctx, next)
}
