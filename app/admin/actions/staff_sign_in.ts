import emitter from '@adonisjs/core/services/emitter'
import { inject } from '@adonisjs/core'
import { AppException } from '#core/exceptions/app_exception'
import { canModerate, LoginUser, type LoginInput } from '#accounts/public'

/**
 * The panel's sign-in: the API login's own checks (LoginUser.authenticate:
 * throttled failures per username, blocked and deactivated refused), then
 * staff only. A success is recorded in the login history like an API login;
 * the session itself is started by the controller.
 */
@inject()
export class StaffSignIn {
  constructor(private loginUser: LoginUser) {}

  async handle(input: LoginInput) {
    const { user, snapshot } = await this.loginUser.authenticate(input)
    if (!canModerate(snapshot)) {
      throw new AppException('The admin panel is for moderators and admins only', {
        status: 403,
        code: 'E_NOT_STAFF',
      })
    }
    await this.loginUser.record(user, input)
    await emitter.emit('user:logged-in', { userId: user.id, ip: input.ip })
    return user
  }
}
