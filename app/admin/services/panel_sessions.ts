import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { AuthUser } from '#accounts/public'
import { sqlNow } from '#core/database/sql_now'

/** The key under which the panel's session data holds the sign-in's row id. */
export const PANEL_SESSION_KEY = 'panel_session'

/**
 * Sign-ins to the admin panel as server-side rows (`panel_sessions`). The
 * session store alone cannot end a session: a cookie store keeps nothing on
 * the server, so a cookie copied before sign-out would still open the
 * panel. A row ends at sign-out, and counts only while the account's token
 * version is the one it signed in with (a password change bumps it).
 */
export class PanelSessions {
  static async start(user: Pick<AuthUser, 'id' | 'tokenVersion'>) {
    const id = randomUUID()
    await db.table('panel_sessions').insert({
      id,
      user_id: user.id,
      token_version: user.tokenVersion,
      created_at: sqlNow(),
    })
    return id
  }

  /** Whether the sign-in `id` still holds for this account as it is now. */
  static async holds(id: unknown, user: Pick<AuthUser, 'id' | 'tokenVersion'>) {
    if (typeof id !== 'string') return false
    const row = await db.from('panel_sessions').where('id', id).first()
    return (
      row !== null &&
      row.ended_at === null &&
      Number(row.user_id) === user.id &&
      Number(row.token_version) === user.tokenVersion
    )
  }

  static async end(id: unknown) {
    if (typeof id !== 'string') return
    await db
      .from('panel_sessions')
      .where('id', id)
      .whereNull('ended_at')
      .update({ ended_at: sqlNow() })
  }
}
