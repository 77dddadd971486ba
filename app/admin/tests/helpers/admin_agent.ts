import { baseUrl } from '#tests/helpers/base_url'
import { PASSWORD } from '#tests/helpers/accounts'

export interface AgentResponse {
  status: number
  location: string | null
  text: string
  headers: Headers
}

/**
 * A browser-like HTTP client for the panel: keeps cookies, does not follow
 * redirects, and reads the CSRF token from a page's form so tests can post
 * forms with it (or deliberately without it).
 */
export class AdminAgent {
  readonly cookies = new Map<string, string>()

  /** `base`: another server than the suite's (a copy of the app with plugins switched off). */
  constructor(readonly base = baseUrl()) {}

  async get(path: string) {
    return this.request('GET', path)
  }

  /** Posts a form; unless `csrf: false`, with a token read from `tokenFrom` first. */
  async post(
    path: string,
    form: Record<string, string> = {},
    options: { csrf?: boolean | string; tokenFrom?: string } = {}
  ) {
    const body = { ...form }
    if (typeof options.csrf === 'string') body._csrf = options.csrf
    else if (options.csrf !== false) body._csrf = await this.csrfToken(options.tokenFrom)
    // Like a browser, name the page the form was on (the panel redirects back to it).
    const referer = options.tokenFrom ? `${this.base}${options.tokenFrom}` : undefined
    return this.request('POST', path, body, referer)
  }

  async csrfToken(from = '/admin/login') {
    const page = await this.get(from)
    const token = page.text.match(/name='_csrf' value='([^']+)'/)?.[1]
    if (!token) throw new Error(`No CSRF token on ${from} (status ${page.status})`)
    return token
  }

  /** Signs in through the form; answers the POST's response. */
  async signIn(username: string, password = PASSWORD) {
    return this.post('/admin/login', { username, password })
  }

  /** The flash messages shown on the page a redirect leads to. */
  async follow(response: AgentResponse) {
    if (!response.location) throw new Error(`Not a redirect: ${response.status}`)
    const url = new URL(response.location, this.base)
    return this.get(url.pathname + url.search)
  }

  private async request(
    method: string,
    path: string,
    form?: Record<string, string>,
    referer?: string
  ) {
    const headers: Record<string, string> = { accept: 'text/html' }
    if (referer) headers.referer = referer
    if (this.cookies.size) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    }
    let body: string | undefined
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(form).toString()
    }
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body,
      redirect: 'manual',
    })
    for (const cookie of response.headers.getSetCookie()) this.store(cookie)
    return {
      status: response.status,
      location: response.headers.get('location'),
      text: await response.text(),
      headers: response.headers,
    }
  }

  private store(setCookie: string) {
    const [pair, ...attributes] = setCookie.split(';')
    const index = pair.indexOf('=')
    const name = pair.slice(0, index).trim()
    const value = pair.slice(index + 1).trim()
    const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))
    if (expired || value === '') this.cookies.delete(name)
    else this.cookies.set(name, value)
  }
}

/** The text of the page's flash messages (success and error), entities decoded. */
export function flashText(html: string) {
  return [...html.matchAll(/<p class="flash (?:ok|bad)"[^>]*>([^<]*)<\/p>/g)]
    .map((match) => decode(match[1]).replace(/\s+/g, ' ').trim())
    .join(' | ')
}

/** The page's text with runs of white space made single spaces (views are formatted). */
export function squash(html: string) {
  return html.replace(/\s+/g, ' ')
}

function decode(text: string) {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}
