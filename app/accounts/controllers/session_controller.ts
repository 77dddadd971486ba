import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator, refreshTokenValidator } from '#accounts/validators/account_validators'
import { LoginUser } from '#accounts/actions/login_user'
import { RefreshSession } from '#accounts/actions/refresh_session'
import { LogoutUser } from '#accounts/actions/logout_user'

export default class SessionController {
  @inject()
  async login({ request }: HttpContext, loginUser: LoginUser) {
    const { username, password } = await request.validateUsing(loginValidator)
    return loginUser.handle({
      username,
      password,
      ip: request.ip(),
      userAgent: request.header('user-agent') ?? null,
    })
  }

  @inject()
  async refresh({ request }: HttpContext, refreshSession: RefreshSession) {
    const { refresh_token: token } = await request.validateUsing(refreshTokenValidator)
    return refreshSession.handle(token)
  }

  @inject()
  async logout({ auth, request, response }: HttpContext, logoutUser: LogoutUser) {
    const { refresh_token: token } = await request.validateUsing(refreshTokenValidator)
    await logoutUser.handle(auth.getUserOrFail().id, token)
    return response.noContent()
  }
}
