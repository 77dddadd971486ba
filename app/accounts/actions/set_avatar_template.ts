import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { AppException } from '#core/exceptions/app_exception'
import { forUpdate } from '#core/database/for_update'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'

/**
 * Sets or clears a member's picture (a URL template with `{size}`, opaque to
 * accounts), for the plugin that stores avatars. `alongside` runs in the
 * same transaction, after the account row is locked: the plugin's own rows
 * change with the template or not at all, and two changes of one account
 * run one after the other. After commit the account's cached snapshot and
 * profile are dropped and `user:updated` is emitted (the board drops its
 * cached lists, where authors' pictures show). 404 for a deleted account.
 */
export class SetAvatarTemplate {
  async handle<T>(
    userId: number,
    template: string | null,
    alongside: (trx: TransactionClientContract) => Promise<T>
  ): Promise<T> {
    const { name, result } = await db.transaction(async (trx) => {
      const user = await forUpdate(
        trx.from('users').where('id', userId).whereNull('deleted_at').select('id', 'name')
      ).first()
      if (!user) throw AppException.notFound('User')
      const outcome = await alongside(trx)
      await trx.from('users').where('id', userId).update({ avatar_template: template })
      return { name: user.name as string, result: outcome }
    })
    await AuthUserLookup.forget(userId)
    await emitter.emit('user:updated', { userId, name })
    return result
  }
}
