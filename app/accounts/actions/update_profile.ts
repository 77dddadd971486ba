import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import User from '#accounts/models/user'
import { AppException } from '#core/exceptions/app_exception'
import { isUniqueViolation } from '#core/database/is_unique_violation'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { assertAvailable } from '#accounts/actions/register_user'
import { UserNameIndex } from '#accounts/services/user_name_index'

/**
 * Changes name and/or email. Uniqueness excludes the user's own row (the
 * original checked against itself and refused every unchanged name).
 * Tokens survive a rename: their subject is the id.
 */
export class UpdateProfile {
  async handle(userId: number, changes: { name?: string; email?: string }) {
    await assertAvailable(changes.name, changes.email, userId)
    try {
      const user = await db.transaction(async (trx) => {
        const row = await User.query({ client: trx })
          .where('id', userId)
          .whereNull('deleted_at')
          .firstOrFail()
        row.merge(changes)
        await row.save()
        if (changes.name !== undefined) await UserNameIndex.put(trx, userId, row.name)
        return row
      })
      await AuthUserLookup.forget(userId)
      await emitter.emit('user:updated', { userId, name: user.name })
      return user
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppException.conflict('The name or email is already taken')
      throw error
    }
  }
}
