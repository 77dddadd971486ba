import db from '@adonisjs/lucid/services/db'
import User from '#accounts/models/user'
import LoginHistory from '#accounts/models/login_history'
import type { RoleName } from '#accounts/models/role'
import { containsPattern, LIKE_ESCAPE } from '#core/database/escape_like'

/** An account as staff pages show it: no password hash, no token state. */
export interface DirectoryUser {
  id: number
  name: string
  email: string
  role: RoleName
  /** ISO 8601, UTC. */
  createdAt: string
  blocked: boolean
  blockReason: string | null
  deactivated: boolean
}

export interface DirectoryLogin {
  /** ISO 8601, UTC. */
  at: string
  ip: string | null
  userAgent: string | null
}

/**
 * Read model of live accounts for staff pages (the admin panel): search by
 * name or email, one account, its recent sign-ins, names by id.
 */
export class UserDirectory {
  /** Live accounts newest first; `q` matches a part of the name or email literally. */
  static async list(options: { q?: string; page: number; size: number }) {
    const query = User.query()
      .whereNull('deleted_at')
      .preload('role')
      .preload('states', (states) => states.preload('state'))
      .orderBy('id', 'desc')
    if (options.q) {
      // Literal search: % and _ in the query are plain characters.
      const pattern = containsPattern(options.q)
      query.where((where) =>
        where
          .whereRaw('name like ? escape ?', [pattern, LIKE_ESCAPE])
          .orWhereRaw('email like ? escape ?', [pattern, LIKE_ESCAPE])
      )
    }
    const users = await query.paginate(options.page, options.size)
    return {
      users: users.all().map(directoryUser),
      page: users.currentPage,
      lastPage: users.lastPage,
      total: users.total,
    }
  }

  /** A live account, or null. */
  static async find(id: number): Promise<DirectoryUser | null> {
    const user = await User.query()
      .where('id', id)
      .whereNull('deleted_at')
      .preload('role')
      .preload('states', (states) => states.preload('state'))
      .first()
    return user ? directoryUser(user) : null
  }

  /** The account's latest sign-ins, newest first. */
  static async recentLogins(userId: number, limit = 20): Promise<DirectoryLogin[]> {
    const logins = await LoginHistory.query()
      .where('user_id', userId)
      .orderBy('id', 'desc')
      .limit(limit)
    return logins.map((login) => ({
      at: login.createdAt.toUTC().toISO()!,
      ip: login.ip,
      userAgent: login.userAgent,
    }))
  }

  /** Names of accounts by id (deleted ones keep their placeholder name). */
  static async names(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map()
    const rows = await db.from('users').whereIn('id', ids).select('id', 'name')
    return new Map(rows.map((row) => [Number(row.id), String(row.name)]))
  }

  /** The id of the account with this name (names compare case-insensitively), or null. */
  static async idByName(name: string): Promise<number | null> {
    const row = await db.from('users').where('name', name).select('id').first()
    return row ? Number(row.id) : null
  }
}

function directoryUser(user: User): DirectoryUser {
  const blocked = user.states.find((row) => row.state.name === 'blocked')
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role.name,
    createdAt: user.createdAt.toUTC().toISO()!,
    blocked: Boolean(blocked),
    blockReason: blocked?.reason ?? null,
    deactivated: user.states.some((row) => row.state.name === 'deactivated'),
  }
}
