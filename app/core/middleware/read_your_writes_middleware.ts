import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { onPrimary } from '#core/database/replica_routing'
import { readYourWrites } from '#core/database/read_your_writes'
import { processFeed } from '#core/cache/cache_change_feed'

/**
 * Read-your-writes (with read replicas, or READ_YOUR_WRITES_MS set): a write
 * request reads on the primary too (what it answers must include what it
 * wrote) and marks its client. For READ_YOUR_WRITES_MS that client's reads
 * go to the primary (longer than the lag the replicas are allowed, as
 * Rails' database selector does with a session), after this instance has
 * applied the cache change log up to now: the write may have been made on
 * another instance, whose drop reaches this one's cache at the next poll.
 * Otherwise it does nothing.
 */
export default class ReadYourWritesMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const writers = readYourWrites.current
    if (!writers) return next()
    const client = ctx.request.ip()
    const method = ctx.request.method()
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') {
      if (!(await writers.wroteRecently(client))) return next()
      await processFeed.current?.catchUp()
      return onPrimary(next)
    }
    await onPrimary(next)
    // Before the answer leaves: the client's next read may come at once, to another instance.
    if (ctx.response.getStatus() < 400) await writers.mark(client)
  }
}
