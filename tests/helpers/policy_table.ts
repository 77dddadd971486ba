import { ROLE_NAMES, type Actor } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'

/** The id of the resource's owner in policy tables. */
export const OWNER_ID = 1

/** Every role, once owning the resource and once not: "user, own", "user, other", ... */
export const ACTORS: [string, Actor][] = ROLE_NAMES.flatMap((role): [string, Actor][] => [
  [`${role}, own`, { id: OWNER_ID, role }],
  [`${role}, other`, { id: OWNER_ID + 1, role }],
])

export const ALLOW = 'allow'
export const FORBIDDEN = '403 E_FORBIDDEN: You are not allowed to do this'

/**
 * What `check` answers for each actor: "allow", or the status, code and
 * message the API would answer with (the AppException `authorize` throws).
 */
export async function decisions(check: (actor: Actor) => Promise<void>) {
  const table: Record<string, string> = {}
  for (const [label, actor] of ACTORS) {
    try {
      await check(actor)
      table[label] = ALLOW
    } catch (error) {
      if (!(error instanceof AppException)) throw error
      table[label] = `${error.status} ${error.code}: ${error.message}`
    }
  }
  return table
}
