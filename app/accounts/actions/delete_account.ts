import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import User from '#accounts/models/user'
import { AppException } from '#core/exceptions/app_exception'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { RefreshTokenService } from '#accounts/services/refresh_token_service'
import { revokeApiTokens } from '#accounts/services/revoke_api_tokens'
import { placeholderIdentity } from '#accounts/domain/placeholder_identity'
import { UserNameIndex } from '#accounts/services/user_name_index'

/**
 * Erases personal data (name, email, password, login history) but keeps the
 * row, so content stays attached to a placeholder author. Every token dies.
 */
export class DeleteAccount {
  async handle(userId: number, currentPassword: string) {
    await db.transaction(async (trx) => {
      const user = await User.query({ client: trx })
        .where('id', userId)
        .whereNull('deleted_at')
        .firstOrFail()
      if (!(await hash.verify(user.password, currentPassword))) {
        throw AppException.unprocessable(
          'The current password is wrong',
          'current_password',
          'E_WRONG_PASSWORD'
        )
      }
      user.merge({
        ...placeholderIdentity(user.id),
        password: await hash.make(randomBytes(32).toString('hex')),
        tokenVersion: user.tokenVersion + 1,
        deletedAt: DateTime.utc(),
        pendingEmail: null,
        // The picture is personal data too (the uploads plugin removes its files on user:deleted).
        avatarTemplate: null,
      })
      await user.save()
      await UserNameIndex.put(trx, userId, null)
      await trx.from('login_history').where('user_id', userId).delete()
      // Reset and verification links name addresses: personal data too.
      await trx.from('email_tokens').where('user_id', userId).delete()
      await RefreshTokenService.revokeAllOf(userId, trx)
      await revokeApiTokens(userId, trx)
    })
    await AuthUserLookup.forget(userId)
    // The account owner deletes their own account.
    await emitter.emit('user:deleted', { userId, actorId: userId })
  }
}
