/**
 * The accounts plugin: users, roles, states, login history, refresh tokens
 * and the JWT guard (configured in config/auth.ts). Routes come from the
 * manifest (plugin.ts); the event declarations are types only.
 */
export default class AccountsProvider {
  async start() {
    await import('#accounts/events/account_events')
  }
}
