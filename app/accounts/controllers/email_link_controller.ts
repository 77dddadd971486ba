import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import {
  forgotPasswordValidator,
  resetPasswordValidator,
  verifyEmailValidator,
} from '#accounts/validators/account_validators'
import { RequestPasswordReset } from '#accounts/actions/request_password_reset'
import { ResetPassword } from '#accounts/actions/reset_password'
import { SendEmailVerification } from '#accounts/actions/send_email_verification'
import { VerifyEmail } from '#accounts/actions/verify_email'

/** The one answer to "forgot password", whatever the address. */
export const RESET_REQUESTED = {
  message: 'If an account has this address, a link to reset its password is on its way',
} as const

/** Password reset and email verification: the routes the mailed links lead to. */
export default class EmailLinkController {
  @inject()
  async forgot({ request, response }: HttpContext, requestReset: RequestPasswordReset) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await requestReset.accept(email)
    return response.accepted(RESET_REQUESTED)
  }

  @inject()
  async reset({ request, response }: HttpContext, resetPassword: ResetPassword) {
    const { token, password } = await request.validateUsing(resetPasswordValidator)
    await resetPassword.handle(token, password)
    return response.noContent()
  }

  @inject()
  async verify({ request, response }: HttpContext, verifyEmail: VerifyEmail) {
    const { token } = await request.validateUsing(verifyEmailValidator)
    await verifyEmail.handle(token)
    return response.noContent()
  }

  @inject()
  async resend({ auth, response }: HttpContext, sendVerification: SendEmailVerification) {
    const { address } = await sendVerification.handle(auth.getUserOrFail().id)
    return response.accepted({ message: `A verification link is on its way to ${address}` })
  }
}
