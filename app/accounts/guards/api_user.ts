import type { HttpContext } from '@adonisjs/core/http'
import type { AuthUser } from '#accounts/domain/auth_user'

/**
 * The user of a JSON API request behind `middleware.auth()`: the same
 * AuthUser snapshot whether the request carried a JWT (`api` guard) or a
 * personal API token (`api_tokens` guard). Throws 401 when neither
 * authenticated it.
 */
export function apiUser(auth: HttpContext['auth']): AuthUser {
  return auth.authenticatedViaGuard === 'api_tokens'
    ? auth.use('api_tokens').getUserOrFail()
    : auth.use('api').getUserOrFail()
}
