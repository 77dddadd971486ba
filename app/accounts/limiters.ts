import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'

/** Per-IP limits on the credential endpoints (per-username limits live in LoginUser). */
export const throttleLogin = limiter.define('login', (ctx) =>
  limiter
    .allowRequests(env.get('RATE_LIMIT_LOGIN_PER_IP') ?? 30)
    .every('1 minute')
    .usingKey(`ip:${ctx.request.ip()}`)
)

export const throttleSignup = limiter.define('signup', (ctx) =>
  limiter
    .allowRequests(env.get('RATE_LIMIT_SIGNUP_PER_IP') ?? 10)
    .every('1 minute')
    .usingKey(`ip:${ctx.request.ip()}`)
)
