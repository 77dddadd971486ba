import type { ApiClient } from '@japa/api-client'
import emitter from '@adonisjs/core/services/emitter'

/**
 * The SQL statements the server runs while answering a GET of `url` (200
 * expected), without the background work that shares the process: the
 * cache change feed's polls and the notifications plugin's delivery.
 */
export async function statementsOf(client: ApiClient, url: string) {
  const seen: string[] = []
  const listener = (query: { sql: string }) => {
    if (!/cache_changes|notification/.test(query.sql)) seen.push(query.sql)
  }
  emitter.on('db:query', listener)
  try {
    ;(await client.get(url)).assertStatus(200)
  } finally {
    emitter.off('db:query', listener)
  }
  return seen
}
