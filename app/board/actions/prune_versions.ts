import { type DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { sqlNow } from '#core/database/sql_now'

export interface PruneOptions {
  /** Versions to keep per post or comment, counting back from the current one (at least 1). */
  keep: number
  /** Only versions created before this moment. */
  olderThan?: DateTime
  dryRun?: boolean
}

const TARGETS = [
  { versions: 'post_versions', owner: 'posts', key: 'post_id' },
  { versions: 'comment_versions', owner: 'comments', key: 'comment_id' },
] as const

/**
 * Trims version history: deletes versions older than the newest `keep`
 * of each post and comment. The current version is never touched, so
 * reads, lists and search are unaffected; history shows the kept ones.
 */
export class PruneVersions {
  async handle(options: PruneOptions) {
    const keep = Math.max(1, Math.floor(options.keep))
    const filter = (client: QueryClientContract, target: (typeof TARGETS)[number]) => {
      const query = client.from(target.versions).whereRaw(
        // "version + keep <= current", not "version <= current - keep": the columns are unsigned on MariaDB.
        `version + ? <= (select o.current_version from ${target.owner} o where o.id = ${target.versions}.${target.key})`,
        [keep]
      )
      if (options.olderThan) query.where('created_at', '<', sqlNow(options.olderThan))
      return query
    }

    const counts: Record<string, number> = {}
    await db.transaction(async (trx) => {
      for (const target of TARGETS) {
        if (options.dryRun) {
          const row = await filter(trx, target).count('* as total').first()
          counts[target.versions] = Number(row?.total ?? 0)
        } else {
          counts[target.versions] = Number(await filter(trx, target).delete())
        }
      }
    })
    return { posts: counts.post_versions, comments: counts.comment_versions }
  }
}
