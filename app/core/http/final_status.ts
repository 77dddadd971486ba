import type { HttpContext } from '@adonisjs/core/http'

/**
 * The status a finished request answered with, or 499 (nginx's "client
 * closed request") when the connection closed before any response was sent:
 * Node's default 200 would count a cut request as a success.
 */
export function finalStatus(ctx: HttpContext) {
  return ctx.response.response.headersSent ? ctx.response.getStatus() : 499
}
