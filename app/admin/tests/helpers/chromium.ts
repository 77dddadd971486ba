import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { Group } from '@japa/runner/core'
import limiter from '@adonisjs/limiter/services/main'
import { baseUrl } from '#tests/helpers/base_url'
import { PASSWORD } from '#tests/helpers/accounts'
import { CHROMIUM_PATH, requireServices } from '#tests/helpers/required_services'

/**
 * The browser tests' need for Debian's Chromium (never a browser downloaded
 * by a tool: that fails on these machines): skipped without it, failed
 * under REQUIRE_SERVICES=1.
 */
export const chromiumRequired = requireServices('the admin panel browser tests', 'chromium')

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function launchChromium(): Promise<Browser> {
  chromiumRequired.assert()
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS })
}

/**
 * Chromium for a test group: launched once (not at all when the group is
 * skipped for want of it; group hooks run anyway), and a fresh context per
 * test (its own cookies, the rate limits cleared: every test signs in).
 */
export function browserPerGroup(group: Group) {
  let browser: Browser | undefined
  let context: BrowserContext | undefined
  group.setup(async () => {
    if (chromiumRequired.skip[0]) return () => {}
    const launched = await launchChromium()
    browser = launched
    return () => launched.close()
  })
  group.each.setup(async () => {
    await limiter.clear()
    const opened = await newContext(browser!)
    context = opened
    return () => opened.close()
  })
  return { context: () => context! }
}

/** A fresh context (own cookies) on the test server. */
export async function newContext(browser: Browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport })
  // Fail a step with its own message well before the test's timeout.
  context.setDefaultTimeout(20_000)
  return context
}

/** Signs in through the form and waits for the dashboard. */
export async function signIn(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto('/admin/login')
  await page.getByLabel('Name or email').fill(username)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL('**/admin')
  return page
}

/**
 * Waits for the flash message of the page a form led to. Reading the status
 * right after a click could still see the previous page's message.
 */
export async function flashed(page: Page, text: string) {
  const status = page.getByRole('status').filter({ hasText: text })
  try {
    await status.waitFor({ timeout: 20_000 })
  } catch {
    const shown = await page.getByRole('status').or(page.getByRole('alert')).allTextContents()
    throw new Error(`Expected the message "${text}", the page shows ${JSON.stringify(shown)}`)
  }
  return (await status.textContent())!.trim()
}
