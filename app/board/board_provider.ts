import type { ApplicationService } from '@adonisjs/core/types'

/**
 * The board plugin: categories, versioned posts and comments, votes, list
 * and search, with cache invalidation on every write.
 */
export default class BoardProvider {
  constructor(protected app: ApplicationService) {}

  async start() {
    await import('#board/events/board_events')
    await import('#board/listeners')
    if (this.app.getEnvironment() === 'web' || this.app.getEnvironment() === 'test') {
      await import('#board/routes')
    }
  }
}
