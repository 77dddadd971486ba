import type { HttpContext } from '@adonisjs/core/http'
import { sessionGuard, sessionUserProvider } from '@adonisjs/auth/session'
import { JwtGuard } from '#accounts/guards/jwt_guard'
import { JwtService } from '#accounts/services/jwt_service'

/** The JSON API's guard: bearer JWTs (config/auth.ts names it `api`). */
export function jwtGuard() {
  return (ctx: HttpContext) => new JwtGuard(ctx, JwtService.shared())
}

/** The session guard of server-rendered pages (the admin panel; config/auth.ts names it `web`). */
export function webSessionGuard() {
  return sessionGuard({
    useRememberMeTokens: false,
    provider: sessionUserProvider({ model: () => import('#accounts/models/user') }),
  })
}
