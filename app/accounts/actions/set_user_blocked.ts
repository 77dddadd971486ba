import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import User from '#accounts/models/user'
import State from '#accounts/models/state'
import UserState from '#accounts/models/user_state'
import { AppException } from '#core/exceptions/app_exception'
import { authorize } from '#core/authorization/authorize'
import type { AuthUser } from '#accounts/domain/auth_user'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import UserPolicy from '#accounts/policies/user_policy'
import { revokeApiTokens } from '#accounts/services/revoke_api_tokens'

/**
 * Blocks or unblocks a user. `actor` is null for operators at the command
 * line; otherwise UserPolicy.block decides (staff block users, only admins
 * block staff). A blocked user's live tokens answer 403 from the next
 * request on (the cached snapshot is dropped); personal API tokens are
 * deleted, so they stay dead after an unblock.
 */
export class SetUserBlocked {
  async block(userId: number, reason: string | null, actor: AuthUser | null) {
    const target = await this.authorize(userId, actor)
    const blocked = await State.findByOrFail('name', 'blocked')
    await db.transaction(async (trx) => {
      const existing = await UserState.query({ client: trx })
        .where({ user_id: target.id, state_id: blocked.id })
        .first()
      if (existing) {
        existing.merge({ reason, createdBy: actor?.id ?? null })
        await existing.save()
      } else {
        await UserState.create(
          { userId: target.id, stateId: blocked.id, reason, createdBy: actor?.id ?? null },
          { client: trx }
        )
      }
      await revokeApiTokens(target.id, trx)
    })
    await AuthUserLookup.forget(target.id)
    await emitter.emit('user:blocked', { userId: target.id, reason, actorId: actor?.id ?? null })
  }

  async unblock(userId: number, actor: AuthUser | null) {
    const target = await this.authorize(userId, actor)
    const blocked = await State.findByOrFail('name', 'blocked')
    await db.from('user_states').where({ user_id: target.id, state_id: blocked.id }).delete()
    await AuthUserLookup.forget(target.id)
    await emitter.emit('user:unblocked', { userId: target.id, actorId: actor?.id ?? null })
  }

  private async authorize(userId: number, actor: AuthUser | null) {
    const target = await User.query()
      .where('id', userId)
      .whereNull('deleted_at')
      .preload('role')
      .first()
    if (!target) throw AppException.notFound('User')
    await authorize(actor, UserPolicy, 'block', { id: target.id, role: target.role.name })
    return target
  }
}
