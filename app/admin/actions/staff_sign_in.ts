import emitter from '@adonisjs/core/services/emitter'
import { inject } from '@adonisjs/core'
import { authorize } from '#core/authorization/authorize'
import { LoginUser, UserPolicy, type LoginInput } from '#accounts/public'

/**
 * The panel's sign-in: the API login's own checks (LoginUser.authenticate:
 * throttled failures per username, blocked and deactivated refused), then
 * UserPolicy.accessPanel (staff only). A success is recorded in the login
 * history like an API login; the session itself is started by the
 * controller.
 */
@inject()
export class StaffSignIn {
  constructor(private loginUser: LoginUser) {}

  async handle(input: LoginInput) {
    const { user, snapshot } = await this.loginUser.authenticate(input)
    // 403 E_NOT_STAFF for anyone the policy keeps out of the panel.
    await authorize(snapshot, UserPolicy, 'accessPanel')
    await this.loginUser.record(user, input)
    await emitter.emit('user:logged-in', { userId: user.id, ip: input.ip })
    return user
  }
}
