import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import {
  AuthUserLookup,
  UserPolicy,
  isBlocked,
  isDeactivated,
  type AuthUser,
} from '#accounts/public'
import { allows } from '#core/authorization/authorize'
import { renderPage } from '#admin/services/render_page'
import { PANEL_SESSION_KEY, PanelSessions } from '#admin/services/panel_sessions'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** The signed-in moderator or admin (set by the panel's staff middleware). */
    staff: AuthUser
  }
}

/**
 * Pages behind sign-in: anonymous visitors go to the sign-in page, users
 * blocked or deactivated since they signed in are signed out at once (the
 * snapshot is read from the database on every request, not from the
 * cache), and a signed-in user UserPolicy.accessPanel refuses (no staff
 * role) gets a refusal page.
 */
export default class StaffMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const guard = ctx.auth.use('web')
    const user = (await guard.check()) ? guard.user : undefined
    if (!user) {
      ctx.session.flash('error', 'Please sign in.')
      return ctx.response.redirect().toPath('/admin/login')
    }

    const snapshot = await AuthUserLookup.load(user.id)
    if (!snapshot || isBlocked(snapshot) || isDeactivated(snapshot)) {
      await guard.logout()
      ctx.session.flash('error', 'This account is blocked or deactivated.')
      return ctx.response.redirect().toPath('/admin/login')
    }
    // Signed out elsewhere (a copy of this cookie), or the password changed since sign-in.
    if (!(await PanelSessions.holds(ctx.session.get(PANEL_SESSION_KEY), snapshot))) {
      await guard.logout()
      ctx.session.flash('error', 'Your session has ended. Please sign in again.')
      return ctx.response.redirect().toPath('/admin/login')
    }
    if (!(await allows(snapshot, UserPolicy, 'accessPanel'))) {
      ctx.response.status(403)
      return renderPage(ctx, 'admin::refused', { title: 'Not allowed', signedIn: snapshot.name })
    }

    ctx.staff = snapshot
    return next()
  }
}
