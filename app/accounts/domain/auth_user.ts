import type { RoleName } from '#accounts/models/role'
import type { StateName } from '#accounts/models/state'

/**
 * What an authenticated request knows about its user. It is cached, so it
 * holds no password hash and nothing else secret.
 */
export interface AuthUser {
  id: number
  name: string
  email: string
  role: RoleName
  tokenVersion: number
  states: StateName[]
  createdAt: string
  /** The owner has followed a link sent to `email`. */
  emailVerified: boolean
  /** An email change waiting for its verification, or null. */
  pendingEmail: string | null
  /**
   * The UTC day (yyyy-MM-dd) the user was last seen, or null before the
   * first login; snapshots always carry it (optional for hand-made actors).
   */
  lastSeenOn?: string | null
  /** The picture's URL template with `{size}`, or null (optional for hand-made actors). */
  avatarTemplate?: string | null
}

export function isBlocked(user: Pick<AuthUser, 'states'>) {
  return user.states.includes('blocked')
}

export function isDeactivated(user: Pick<AuthUser, 'states'>) {
  return user.states.includes('deactivated')
}
