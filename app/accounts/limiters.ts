import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'
import { apiUser } from '#accounts/guards/api_user'
import config from '#accounts/config'
import UserPolicy from '#accounts/policies/user_policy'

type Builder = Parameters<typeof limiter.define>[1]

/**
 * A named limiter middleware, defined on its first request: the limiter
 * service exists only once the app has booted, and this module is reachable
 * from the public entry, which Ace commands may load earlier.
 */
function throttle(name: string, builder: Builder) {
  let middleware: ReturnType<typeof limiter.define> | undefined
  return (ctx: HttpContext, next: NextFn) => {
    middleware ??= limiter.define(name, builder)
    return middleware(ctx, next)
  }
}

/** Per-IP limits on the credential endpoints (per-username limits live in LoginUser). */
export const throttleLogin = throttle('login', (ctx) =>
  limiter
    .allowRequests(env.get('RATE_LIMIT_LOGIN_PER_IP') ?? 30)
    .every('1 minute')
    .usingKey(`ip:${ctx.request.ip()}`)
)

export const throttleSignup = throttle('signup', (ctx) =>
  limiter
    .allowRequests(env.get('RATE_LIMIT_SIGNUP_PER_IP') ?? 10)
    .every('1 minute')
    .usingKey(`ip:${ctx.request.ip()}`)
)

// Personal API tokens: creations per account, after the auth middleware.
export const throttleApiTokens = throttle('api-tokens', (ctx) =>
  limiter
    .allowRequests(env.get('RATE_LIMIT_API_TOKENS_PER_USER') ?? 10)
    .every('1 minute')
    .usingKey(`user:${apiUser(ctx.auth).id}`)
)
/** Per-IP limit on the reset and verification endpoints (RATE_LIMIT_PASSWORD_RESET_PER_IP). */
export const throttleEmailLinks = throttle('email_links', (ctx) =>
  limiter
    .allowRequests(config.get().resetPerIp)
    .every('1 minute')
    .usingKey(`ip:${ctx.request.ip()}`)
)

/**
 * Counts a reset mail asked for an address; 429 past the hourly limit.
 * Any address counts, known or not, so the answer tells nothing about it.
 */
export async function consumeResetForAddress(email: string) {
  await limiter
    .use({ requests: config.get().resetPerAddress, duration: '1 hour' })
    .consume(`reset:address:${email.toLowerCase()}`)
}

/** Counts a verification mail a signed-in user asked for (resend or email change). */
export async function consumeVerificationForUser(userId: number) {
  await limiter
    .use({ requests: config.get().verificationPerUser, duration: '1 hour' })
    .consume(`verify:user:${userId}`)
}

/** The writes with spam limits (RATE_LIMIT_<KIND>_PER_USER, _PER_IP, RATE_LIMIT_NEW_USER_<KIND>). */
export type WriteKind = 'posts' | 'comments' | 'votes' | 'reports'

const DAY_MS = 86_400_000

/**
 * Spam limits on a kind of write, per minute, after the auth middleware:
 * one per member (lower for accounts younger than a day, as Discourse's new
 * users have) and one per IP (several accounts from one address). Staff
 * are exempt (UserPolicy.skipWriteLimits). 429 with Retry-After.
 */
export function throttleWrites(kind: WriteKind) {
  const perUser = throttle(`${kind}-user`, (ctx) => {
    const user = apiUser(ctx.auth)
    if (exempt(user)) return limiter.noLimit()
    const limits = config.get().writeLimits[kind]
    const young = Date.now() - Date.parse(user.createdAt) < DAY_MS
    return limiter
      .allowRequests(young ? Math.min(limits.newUser, limits.perUser) : limits.perUser)
      .every('1 minute')
      .usingKey(`user:${user.id}`)
  })
  const perIp = throttle(`${kind}-ip`, (ctx) => {
    if (exempt(apiUser(ctx.auth))) return limiter.noLimit()
    return limiter
      .allowRequests(config.get().writeLimits[kind].perIp)
      .every('1 minute')
      .usingKey(`ip:${ctx.request.ip()}`)
  })
  return [perUser, perIp]
}

/** The policy's answer, asked directly: a limiter's builder must decide without awaiting. */
const policy = new UserPolicy()
const exempt = (user: Parameters<UserPolicy['skipWriteLimits']>[0]) => policy.skipWriteLimits(user)
