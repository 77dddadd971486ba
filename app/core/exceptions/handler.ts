import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import { toErrorBody } from '#core/exceptions/error_body'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'
import { htmlErrorRendererFor } from '#core/exceptions/html_error_pages'

/**
 * Every failure becomes `{"errors":[...]}` with the matching status (paths
 * a plugin registered with `renderHtmlErrorsUnder` get its HTML page).
 * 5xx are logged with the request id and a sanitized error (no SQL, no
 * request body); clients get a generic message and the request id.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = false

  async handle(error: unknown, ctx: HttpContext) {
    const body = toErrorBody(error)
    for (const [name, value] of Object.entries(body.headers ?? {})) {
      ctx.response.header(name, value)
    }
    // Plugins that serve pages (the admin panel) render their own paths' errors as HTML.
    const renderHtml = htmlErrorRendererFor(ctx.request.url())
    if (renderHtml) return renderHtml(body, error, ctx)
    ctx.response.status(body.status).send({ errors: body.errors })
  }

  async report(error: unknown, ctx: HttpContext) {
    const { status } = toErrorBody(error)
    if (status < 500) return
    const original =
      (error as { code?: string; cause?: unknown })?.code === 'E_FACTORY_ERROR'
        ? (error as { cause?: unknown }).cause
        : error
    ctx.logger.error(
      { err: safeErrorFields(original), status, route: ctx.route?.pattern },
      'request failed'
    )
  }
}
