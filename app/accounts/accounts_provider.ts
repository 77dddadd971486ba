import type { ApplicationService } from '@adonisjs/core/types'

/**
 * The accounts plugin: users, roles, states, login history, refresh tokens
 * and the JWT guard (configured in config/auth.ts).
 */
export default class AccountsProvider {
  constructor(protected app: ApplicationService) {}

  async start() {
    await import('#accounts/events/account_events')
    const emitter = await this.app.container.make('emitter')
    const { loginsTotal } = await import('#accounts/metrics')
    emitter.on('user:logged-in', () => loginsTotal.inc())
    if (this.app.getEnvironment() === 'web' || this.app.getEnvironment() === 'test') {
      await import('#accounts/routes')
    }
  }
}
