import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { changePasswordValidator } from '#accounts/validators/account_validators'
import { ChangePassword } from '#accounts/actions/change_password'

export default class PasswordController {
  @inject()
  async update({ auth, request, response }: HttpContext, changePassword: ChangePassword) {
    const payload = await request.validateUsing(changePasswordValidator)
    await changePassword.handle(auth.getUserOrFail().id, {
      current: payload.current_password,
      next: payload.password,
      keepFamily: auth.use('api').claims?.family,
    })
    return response.noContent()
  }
}
