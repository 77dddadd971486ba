import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import type { Reader } from '#board/policies/category_access_policy'

/**
 * The caller of a public read: anonymous without an Authorization header;
 * with one, its user (a JWT or a personal API token, as `middleware.auth()`
 * takes them), and 401 when it does not authenticate: a client whose token
 * expired is told so, not shown less.
 */
export async function readerOf({ auth, request }: HttpContext): Promise<Reader> {
  if (!request.header('authorization')) return null
  await auth.authenticateUsing(['api', 'api_tokens'])
  return apiUser(auth)
}
