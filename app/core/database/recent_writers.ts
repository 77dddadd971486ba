import redis from '@adonisjs/redis/services/main'

/**
 * Clients (by address, as the trusted proxy reports it) that wrote within
 * the read-your-writes window: their reads go to the primary. With
 * CACHE_STORE=redis every instance sees every mark (a write on one instance,
 * the next read on another); otherwise there is one process and a map does.
 * When Redis cannot say, the answer is "wrote": the primary is always right.
 */
export class RecentWriters {
  #local = new Map<string, number>()

  constructor(private options: { windowMs: number; shared: boolean }) {}

  async mark(client: string) {
    if (!this.options.shared) {
      this.#local.set(client, Date.now() + this.options.windowMs)
      if (this.#local.size > 10_000) this.#sweep()
      return
    }
    await redis
      .connection('main')
      .set(`ryw:${client}`, '1', 'PX', this.options.windowMs)
      .catch(() => {})
  }

  async wroteRecently(client: string) {
    if (!this.options.shared) return (this.#local.get(client) ?? 0) > Date.now()
    try {
      return (await redis.connection('main').exists(`ryw:${client}`)) === 1
    } catch {
      return true
    }
  }

  #sweep() {
    const now = Date.now()
    for (const [client, until] of this.#local) if (until <= now) this.#local.delete(client)
  }
}
