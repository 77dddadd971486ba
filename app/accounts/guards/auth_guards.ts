import type { HttpContext } from '@adonisjs/core/http'
import { sessionGuard, sessionUserProvider } from '@adonisjs/auth/session'
import { tokensGuard } from '@adonisjs/auth/access_tokens'
import { JwtGuard } from '#accounts/guards/jwt_guard'
import { ApiTokenUserProvider } from '#accounts/guards/api_token_user_provider'
import { JwtService } from '#accounts/services/jwt_service'

/** The JSON API's guard: bearer JWTs (config/auth.ts names it `api`). */
export function jwtGuard() {
  return (ctx: HttpContext) => new JwtGuard(ctx, JwtService.shared())
}

/**
 * Personal API tokens: the framework's access tokens guard over
 * `User.accessTokens` (config/auth.ts names it `api_tokens`; the auth
 * middleware tries it after the JWT guard).
 */
export function apiTokensGuard() {
  return tokensGuard({ provider: new ApiTokenUserProvider() })
}

/** The session guard of server-rendered pages (the admin panel; config/auth.ts names it `web`). */
export function webSessionGuard() {
  return sessionGuard({
    useRememberMeTokens: false,
    provider: sessionUserProvider({ model: () => import('#accounts/models/user') }),
  })
}
