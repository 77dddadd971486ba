import type { ApplicationService } from '@adonisjs/core/types'

/**
 * The accounts plugin: users, roles, states, login history, refresh tokens
 * and the JWT guard (configured in config/auth.ts). Routes come from the
 * manifest (plugin.ts); the event declarations are types only.
 */
export default class AccountsProvider {
  constructor(protected app: ApplicationService) {}

  /** The account mails' templates (app/accounts/views/mail) as the Edge disk `accounts`. */
  async boot() {
    const { mountMailTemplates } = await import('#mail/public')
    mountMailTemplates('accounts', this.app.makePath('app/accounts/views/mail'))
  }

  async start() {
    await import('#accounts/events/account_events')
    const emitter = await this.app.container.make('emitter')
    const { loginsTotal } = await import('#accounts/metrics')
    emitter.on('user:logged-in', () => loginsTotal.inc())
  }
}
