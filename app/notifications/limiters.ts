import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import limiter from '@adonisjs/limiter/services/main'
import { apiUser } from '#accounts/public'

let watches: ReturnType<typeof limiter.define> | undefined

/** Watch toggles per member (after the auth middleware): each may start a fan-out's worth of rows. */
export function throttleWatches(ctx: HttpContext, next: NextFn) {
  watches ??= limiter.define('notification-watches', (c) =>
    limiter
      .allowRequests(60)
      .every('1 minute')
      .usingKey(`user:${apiUser(c.auth).id}`)
  )
  return watches(ctx, next)
}
