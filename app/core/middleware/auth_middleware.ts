import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { AppException } from '#core/exceptions/app_exception'

/**
 * The JSON API's bearer guards, in the order tried: a JWT from a login
 * (`api`; the common case pays nothing more), then a personal API token
 * (`api_tokens`). Both give the same AuthUser snapshot.
 */
const API_GUARDS: (keyof Authenticators)[] = ['api', 'api_tokens']

/** Methods that only read: a token with the `read` ability alone may call them. */
const READ_METHODS = new Set(['GET', 'HEAD'])

/**
 * Requires an authenticated user on one of the given guards (a JWT or a
 * personal API token by default). A request authenticated by a token is
 * held to its abilities: `write` for anything but a read; and
 * `apiTokens: false` (token management) refuses tokens altogether, so a
 * token cannot mint tokens.
 */
export default class AuthMiddleware {
  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[]; apiTokens?: boolean } = {}
  ) {
    await ctx.auth.authenticateUsing(options.guards ?? API_GUARDS)
    if (ctx.auth.authenticatedViaGuard === 'api_tokens') {
      if (options.apiTokens === false) {
        throw new AppException('This needs the access token of a login, not an API token', {
          status: 403,
          code: 'E_LOGIN_REQUIRED',
        })
      }
      const token = ctx.auth.use('api_tokens').getUserOrFail().currentAccessToken
      if (!READ_METHODS.has(ctx.request.method()) && token.denies('write')) {
        throw new AppException('This API token is read-only', {
          status: 403,
          code: 'E_TOKEN_READ_ONLY',
        })
      }
    }
    return next()
  }
}
