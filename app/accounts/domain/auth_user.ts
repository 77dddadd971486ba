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
}

export function isBlocked(user: Pick<AuthUser, 'states'>) {
  return user.states.includes('blocked')
}

export function isDeactivated(user: Pick<AuthUser, 'states'>) {
  return user.states.includes('deactivated')
}

/** Moderators and admins may moderate content; only admins manage users and roles. */
export function canModerate(user: Pick<AuthUser, 'role'>) {
  return user.role === 'admin' || user.role === 'moderator'
}

export function isAdmin(user: Pick<AuthUser, 'role'>) {
  return user.role === 'admin'
}
