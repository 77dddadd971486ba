import type { HttpContext } from '@adonisjs/core/http'
import type { ErrorBody } from '#core/exceptions/error_body'

/**
 * Renders a failure as a page instead of JSON. `body` is the same safe
 * shape the API answers (no stack, no SQL); `error` is there only to tell
 * kinds apart (for example a CSRF refusal), never to be printed.
 */
export type HtmlErrorRenderer = (body: ErrorBody, error: unknown, ctx: HttpContext) => unknown

const renderers: { prefix: string; render: HtmlErrorRenderer }[] = []

/**
 * Lets a plugin that serves HTML (the admin panel) render the errors of
 * its own paths; every other path keeps the JSON error shape.
 */
export function renderHtmlErrorsUnder(prefix: string, render: HtmlErrorRenderer) {
  const index = renderers.findIndex((entry) => entry.prefix === prefix)
  if (index >= 0) renderers.splice(index, 1)
  renderers.push({ prefix, render })
}

/** The renderer registered for a request path, if any. */
export function htmlErrorRendererFor(path: string): HtmlErrorRenderer | undefined {
  return renderers.find(
    ({ prefix }) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)
  )?.render
}
