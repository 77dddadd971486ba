import type { HttpContext } from '@adonisjs/core/http'
import type { ErrorBody } from '#core/exceptions/error_body'
import { renderPage } from '#admin/services/render_page'

/**
 * Errors under /admin as pages: a missing sign-in goes to the sign-in
 * page, an expired form (CSRF) gets a page saying so, everything else a
 * page with the status and the same safe message the API would send.
 */
export async function renderAdminError(body: ErrorBody, error: unknown, ctx: HttpContext) {
  if (body.status === 401 && ctx.session) {
    return ctx.response.redirect().toPath('/admin/login')
  }
  const csrf = (error as { code?: string } | null)?.code === 'E_BAD_CSRF_TOKEN'
  const message = csrf
    ? 'This form has expired or did not come from this site. Go back, reload the page and try again.'
    : (body.errors[0]?.message ?? 'Something went wrong')
  ctx.response.status(body.status)
  try {
    return await renderPage(ctx, 'admin::error', {
      title: csrf ? 'Form expired' : `Error ${body.status}`,
      status: body.status,
      message,
    })
  } catch {
    // The page itself failed (a broken view): plain text, still without details.
    ctx.response.header('Content-Type', 'text/plain; charset=utf-8')
    return ctx.response.send(`${body.status} ${message}`)
  }
}
