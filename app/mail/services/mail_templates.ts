import edge from 'edge.js'
import { appUrl } from '#config/app'

/**
 * Makes a plugin's mail templates reachable as `<disk>::<name>`: the folder
 * holds one folder per mail with `html.edge` and `text.edge` in it
 * (app/accounts/views/mail/password_reset/{html,text}.edge is
 * `accounts::password_reset` once `accounts` is mounted on that folder).
 */
export function mountMailTemplates(disk: string, folder: string | URL) {
  edge.mount(disk, folder)
}

export interface RenderedMail {
  html: string
  text: string
}

/**
 * Renders both bodies of a mail. Templates get the caller's data and
 * `appUrl` (APP_URL without a trailing slash). In `text.edge` print values
 * with `{{{ }}}`: `{{ }}` escapes for HTML and would turn `&` into `&amp;`.
 */
export async function renderMail(
  template: string,
  data: Record<string, unknown> = {}
): Promise<RenderedMail> {
  const state = { appUrl: appUrl.replace(/\/+$/, ''), ...data }
  const [html, text] = await Promise.all([
    edge.render(`${template}/html`, state),
    edge.render(`${template}/text`, state),
  ])
  return { html, text: tidyText(text) }
}

/** Template tags leave blank lines and trailing spaces behind; a plain-text mail shows them. */
export function tidyText(text: string) {
  return (
    text
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  )
}
