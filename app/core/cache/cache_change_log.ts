import db from '@adonisjs/lucid/services/db'

export interface CacheChange {
  keys?: string[]
  tags?: string[]
}

export interface RecordedChange extends CacheChange {
  id: number
}

const TABLE = 'cache_changes'

/**
 * The `cache_changes` table: what was invalidated, and when. Reads
 * go to the primary (a replica may lag behind the change it should see).
 */
export const cacheChangeLog = {
  async record(change: CacheChange) {
    await db
      .connection()
      .getWriteClient()
      .table(TABLE)
      .insert({
        cache_keys: JSON.stringify(change.keys ?? []),
        cache_tags: JSON.stringify(change.tags ?? []),
        created_ms: Date.now(),
      })
  },

  /** The newest id, where a process starts reading (its cache is empty then). */
  async lastId(): Promise<number> {
    const row = await db.connection().getWriteClient().from(TABLE).max('id as id').first()
    return Number(row?.id ?? 0)
  },

  /** The oldest id still kept (0 when the log is empty). */
  async firstId(): Promise<number> {
    const row = await db.connection().getWriteClient().from(TABLE).min('id as id').first()
    return Number(row?.id ?? 0)
  },

  /** Changes after `afterId`, oldest first. */
  async since(afterId: number, limit: number): Promise<RecordedChange[]> {
    const rows = await db
      .connection()
      .getWriteClient()
      .from(TABLE)
      .where('id', '>', afterId)
      .orderBy('id', 'asc')
      .limit(limit)
      .select('id', 'cache_keys', 'cache_tags')
    return rows.map((row: Record<string, any>) => ({
      id: Number(row.id),
      keys: JSON.parse(row.cache_keys),
      tags: JSON.parse(row.cache_tags),
    }))
  },

  /** Forgets changes older than `beforeMs` (every process has read them long ago). */
  async prune(beforeMs: number) {
    await db.connection().getWriteClient().from(TABLE).where('created_ms', '<', beforeMs).delete()
  },
}
