import { randomUUID } from 'node:crypto'
import type { ApiClient } from '@japa/api-client'
import emitter from '@adonisjs/core/services/emitter'
import { HttpContext } from '@adonisjs/core/http'
import { fastLane } from '#core/http/fast_lane'

const PROBE = 'x-statements-probe'

/**
 * The SQL statements the server runs while answering a GET of `url` (200
 * expected): only those of this request (its HttpContext, found through
 * async local storage, or the fast lane's request, carries the probe's
 * header), so the workers' polls
 * and the background work of earlier requests that share the process never
 * count; nor do the cache change feed's catch-ups, which a request may run.
 */
export async function statementsOf(client: ApiClient, url: string) {
  const probe = randomUUID()
  const seen: string[] = []
  const listener = (query: { sql: string }) => {
    const header = HttpContext.get()?.request.header(PROBE) ?? fastLane.current()?.headers[PROBE]
    if (header !== probe) return
    if (!query.sql.includes('cache_changes')) seen.push(query.sql)
  }
  emitter.on('db:query', listener)
  try {
    ;(await client.get(url).header(PROBE, probe)).assertStatus(200)
  } finally {
    emitter.off('db:query', listener)
  }
  return seen
}
