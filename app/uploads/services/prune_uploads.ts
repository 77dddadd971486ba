import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#core/database/sql_now'
import config from '#uploads/config'
import { deleteFiles, keysOf } from '#uploads/actions/delete_upload'
import { uploadsPruned } from '#uploads/metrics'

/** Rows one poll of the job removes; a full batch polls again at once. */
export const PRUNE_BATCH = 500

interface Row {
  id: number
  storage_key: string
  thumbnail_key: string | null
  size: number
}

/**
 * Removes uploads no post or comment uses (attached_at null) older than
 * UPLOAD_UNATTACHED_TTL_HOURS, oldest first, rows then files; `dryRun`
 * only counts them. Reads through the (attached_at, created_at) index.
 */
export class PruneUploads {
  async handle(options: { dryRun?: boolean; limit?: number; now?: number } = {}) {
    const ttlMs = config.get().unattachedTtlHours * 3_600_000
    const cutoff = sqlTime((options.now ?? Date.now()) - ttlMs)
    const query = db
      .from('uploads')
      .whereNull('attached_at')
      .where('created_at', '<', cutoff)
      .orderBy('created_at', 'asc')
      .select('id', 'storage_key', 'thumbnail_key', 'size')
    if (options.limit) query.limit(options.limit)
    const rows: Row[] = await query
    const bytes = rows.reduce((sum, row) => sum + Number(row.size), 0)
    if (options.dryRun || rows.length === 0) return { removed: 0, found: rows.length, bytes }

    // Still unattached in the DELETE: an upload attached meanwhile stays.
    const ids = rows.map((row) => row.id)
    await db.from('uploads').whereIn('id', ids).whereNull('attached_at').delete()
    const left: { id: number }[] = await db.from('uploads').whereIn('id', ids).select('id')
    const still = new Set(left.map((row) => row.id))
    const removed = rows.filter((row) => !still.has(row.id))
    await deleteFiles(
      removed.flatMap((row) =>
        keysOf({ storageKey: row.storage_key, thumbnailKey: row.thumbnail_key })
      )
    )
    uploadsPruned.inc(removed.length)
    return { removed: removed.length, found: rows.length, bytes }
  }
}
