import db from '@adonisjs/lucid/services/db'
import { USER_NAME } from '#accounts/domain/user_name'

/** A member a notification mail may go to. */
export interface NotifiableMailbox {
  id: number
  name: string
  email: string
  /** The owner has confirmed the address: only these get mail. */
  emailVerified: boolean
}

/**
 * Read model for plugins that notify members (notifications): which
 * accounts may be notified at all. Deleted, blocked and deactivated
 * accounts are never among them. Every method reads in bulk, so a fan-out
 * to many members costs one query per batch.
 */
export class NotifiableMembers {
  /** Ids of live accounts with these names (case-insensitively), by lowercased name. */
  static async idsByNames(names: string[]): Promise<Map<string, number>> {
    const wanted = [...new Set(names.filter((n) => n.length <= 100 && USER_NAME.test(n)))]
    if (!wanted.length) return new Map()
    const rows = await live(db.from('users').whereIn('name', wanted)).select('id', 'name')
    return new Map(rows.map((row) => [String(row.name).toLowerCase(), Number(row.id)]))
  }

  /** The live accounts among `ids`. */
  static async liveAmong(ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set()
    const rows = await live(db.from('users').whereIn('id', ids)).select('id')
    return new Set(rows.map((row) => Number(row.id)))
  }

  /** Mailboxes of the live accounts among `ids`. */
  static async mailboxes(ids: number[]): Promise<NotifiableMailbox[]> {
    if (!ids.length) return []
    const rows = await live(db.from('users').whereIn('id', ids)).select(
      'id',
      'name',
      'email',
      'email_verified_at'
    )
    return rows.map((row) => ({
      id: Number(row.id),
      name: String(row.name),
      email: String(row.email),
      emailVerified: row.email_verified_at !== null,
    }))
  }
}

/** Not deleted, and holding no state (blocked, deactivated) that silences an account. */
function live(query: ReturnType<typeof db.from>) {
  return query
    .whereNull('users.deleted_at')
    .whereNotExists((held) =>
      held
        .from('user_states')
        .join('states', 'states.id', 'user_states.state_id')
        .whereColumn('user_states.user_id', 'users.id')
        .whereIn('states.name', ['blocked', 'deactivated'])
    )
}
