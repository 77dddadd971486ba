import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import type { Reader } from '#board/policies/category_access_policy'

/** Accounts whose bearer the guards refuse with a 403 but who may still read as anyone. */
const READS_AS_ANONYMOUS = new Set(['E_USER_BLOCKED', 'E_USER_DEACTIVATED'])

/**
 * The caller of a public read: anonymous without an Authorization header;
 * with one, its user (a JWT or a personal API token, as `middleware.auth()`
 * takes them), and 401 when it does not authenticate: a client whose token
 * expired is told so, not shown less. A blocked or deactivated account reads
 * what anonymous callers read (public reads stayed open to it before).
 */
export async function readerOf({ auth, request }: HttpContext): Promise<Reader> {
  if (!request.header('authorization')) return null
  try {
    await auth.authenticateUsing(['api', 'api_tokens'])
  } catch (error) {
    if (error instanceof AppException && READS_AS_ANONYMOUS.has(error.code ?? '')) return null
    throw error
  }
  return apiUser(auth)
}
