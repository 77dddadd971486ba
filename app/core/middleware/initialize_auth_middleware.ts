import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
// Brings the package's typing of ctx.auth along.
import type {} from '@adonisjs/auth/initialize_auth_middleware'

/**
 * Creates `ctx.auth` for the request, like the auth package's own
 * middleware, minus sharing it with Edge templates: that touches
 * `ctx.view`, which builds an Edge renderer (and rescans the components
 * folders) on every request, API ones included, which no JSON answer
 * needs; templates that need the user are given it by their controller.
 */
export default class InitializeAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const manager = await ctx.containerResolver.make('auth.manager')
    ctx.auth = manager.createAuthenticator(ctx)
    return next()
  }
}
