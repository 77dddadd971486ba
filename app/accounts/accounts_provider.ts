import type { ApplicationService } from '@adonisjs/core/types'

/**
 * The accounts plugin: users, roles, states, login history, refresh tokens
 * and the JWT guard (configured in config/auth.ts).
 */
export default class AccountsProvider {
  constructor(protected app: ApplicationService) {}

  async start() {
    await import('#accounts/events/account_events')
    if (this.app.getEnvironment() === 'web' || this.app.getEnvironment() === 'test') {
      await import('#accounts/routes')
    }
  }
}
