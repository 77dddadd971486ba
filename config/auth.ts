import { defineConfig } from '@adonisjs/auth'
import { sessionGuard, sessionUserProvider } from '@adonisjs/auth/session'
import type { InferAuthenticators, InferAuthEvents, Authenticators } from '@adonisjs/auth/types'
import type { HttpContext } from '@adonisjs/core/http'
import { JwtGuard } from '#accounts/guards/jwt_guard'
import { JwtService } from '#accounts/services/jwt_service'

/**
 * "api": bearer JWT for the JSON API (default). "web": session cookie for
 * the admin panel.
 */
const authConfig = defineConfig({
  default: 'api',
  guards: {
    api: (ctx: HttpContext) => new JwtGuard(ctx, JwtService.shared()),
    web: sessionGuard({
      useRememberMeTokens: false,
      provider: sessionUserProvider({
        model: () => import('#accounts/models/user'),
      }),
    }),
  },
})

export default authConfig

declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
