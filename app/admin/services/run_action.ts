import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { AppException } from '#core/exceptions/app_exception'

/**
 * Runs one panel form action and redirects back with a flash message: the
 * success text, or the message of the AppException or validation error the
 * action raised (the same texts the API answers). Anything else is
 * unexpected and goes on to the error handler (a generic 500 page, logged
 * without details).
 */
export async function runAction(
  ctx: HttpContext,
  action: () => Promise<string>,
  redirectTo?: string
) {
  try {
    ctx.session.flash('success', await action())
  } catch (error) {
    if (error instanceof AppException) {
      ctx.session.flash('error', error.message)
    } else if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      const first = (error.messages as { message: string }[])[0]
      ctx.session.flash('error', first?.message ?? 'The form is invalid')
    } else {
      throw error
    }
  }
  return redirectTo ? ctx.response.redirect().toPath(redirectTo) : backTo(ctx)
}

/** Back to the page the form was on, when it is a panel page; else the dashboard. */
export function backTo(ctx: HttpContext) {
  const referrer = ctx.request.header('referer') ?? ''
  let path = '/admin'
  try {
    const url = new URL(referrer)
    if (url.host === ctx.request.host() && url.pathname.startsWith('/admin')) {
      path = url.pathname + url.search
    }
  } catch {}
  return ctx.response.redirect().toPath(path)
}
