import emitter from '@adonisjs/core/services/emitter'
import User from '#accounts/models/user'
import Role, { type RoleName } from '#accounts/models/role'
import { AppException } from '#core/exceptions/app_exception'
import type { AuthUser } from '#accounts/domain/auth_user'
import { authorize } from '#core/authorization/authorize'
import UserPolicy from '#accounts/policies/user_policy'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'

/**
 * Changes a user's role: admins, not their own (UserPolicy.changeRole);
 * actor null is an operator at the command line.
 */
export class ChangeRole {
  async handle(userId: number, roleName: RoleName, actor: AuthUser | null) {
    await authorize(actor, UserPolicy, 'changeRole', { id: userId })
    const user = await User.query().where('id', userId).whereNull('deleted_at').first()
    if (!user) throw AppException.notFound('User')
    const role = await Role.findBy('name', roleName)
    if (!role) throw AppException.unprocessable(`Unknown role "${roleName}"`, 'role')
    user.roleId = role.id
    await user.save()
    await AuthUserLookup.forget(user.id)
    await emitter.emit('user:role-changed', {
      userId: user.id,
      role: role.name,
      actorId: actor?.id ?? null,
    })
    return user
  }
}
