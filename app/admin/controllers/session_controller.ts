import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { errors as vineErrors } from '@vinejs/vine'
import { AppException } from '#core/exceptions/app_exception'
import { StaffSignIn } from '#admin/actions/staff_sign_in'
import { signInValidator } from '#admin/validators/admin_validators'
import { renderPage } from '#admin/services/render_page'
import { PANEL_SESSION_KEY, PanelSessions } from '#admin/services/panel_sessions'

export default class SessionController {
  async show(ctx: HttpContext) {
    if (await ctx.auth.use('web').check()) return ctx.response.redirect().toPath('/admin')
    return renderPage(ctx, 'admin::login', { title: 'Sign in' })
  }

  @inject()
  async store(ctx: HttpContext, signIn: StaffSignIn) {
    const { request, response, session, auth } = ctx
    try {
      const { username, password } = await signInValidator.validate(request.all())
      session.flash('username', username)
      const user = await signIn.handle({
        username,
        password,
        ip: request.ip(),
        userAgent: request.header('user-agent') ?? null,
      })
      // login() regenerates the session id, so a planted id is useless after sign-in.
      await auth.use('web').login(user)
      session.put(PANEL_SESSION_KEY, await PanelSessions.start(user))
      session.flash('success', `Signed in as ${user.name}.`)
      return response.redirect().toPath('/admin')
    } catch (error) {
      if (error instanceof AppException && error.code === 'E_NOT_STAFF') {
        response.status(403)
        return renderPage(ctx, 'admin::refused', { title: 'Not allowed', signedIn: null })
      }
      session.flash('error', signInFailure(error))
      return response.redirect().toPath('/admin/login')
    }
  }

  async destroy({ auth, session, response }: HttpContext) {
    // Ends the sign-in on the server too: a copy of the cookie is refused from now on.
    await PanelSessions.end(session.get(PANEL_SESSION_KEY))
    session.forget(PANEL_SESSION_KEY)
    await auth.use('web').logout()
    session.flash('success', 'Signed out.')
    return response.redirect().toPath('/admin/login')
  }
}

function signInFailure(error: unknown): string {
  if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
    const seconds = Math.max(1, error.response.availableIn)
    return `Too many sign-in attempts. Try again in ${seconds} seconds.`
  }
  if (error instanceof vineErrors.E_VALIDATION_ERROR)
    return 'Enter your name or email and password.'
  if (error instanceof AppException) return error.message
  throw error
}
