import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import { sqlNow } from '#core/database/sql_now'
import { UserNameIndex } from '#accounts/services/user_name_index'
import { nameSkeleton } from '#accounts/domain/name_skeleton'

/** Consecutive account ids: `first` .. `first + count - 1`. */
export interface UserIdRange {
  first: number
  count: number
}

/**
 * Demo accounts for `demo:seed`, written fast: multi-row inserts in batches
 * (one transaction each) with ids assigned up front, so the caller can pick
 * authors without reading them back. They sign in with `password`.
 */
export class SeedDemoUsers {
  async handle(
    options: { count: number; batch: number; password: string },
    progress: (done: number, total: number) => void = () => {}
  ): Promise<UserIdRange> {
    if (options.count <= 0) return existingUsers()
    const userRole = await db.from('roles').where('name', 'user').firstOrFail()
    const passwordHash = await hash.make(options.password)
    const first = await nextUserId()
    const runTag = Date.now().toString(36)
    for (let start = 0; start < options.count; start += options.batch) {
      const rows: { id: number; name: string; [column: string]: unknown }[] = []
      const now = sqlNow()
      for (let i = start; i < Math.min(options.count, start + options.batch); i++) {
        const name = `demo${runTag}u${i}`
        rows.push({
          id: first + i,
          name,
          name_skeleton: nameSkeleton(name),
          email: `${name}@demo.invalid`,
          password: passwordHash,
          role_id: userRole.id,
          token_version: 1,
          // Demo accounts can post with REQUIRE_VERIFIED_EMAIL on (their addresses are fake).
          email_verified_at: now,
          created_at: now,
          updated_at: now,
        })
      }
      await db.transaction(async (trx) => {
        await trx.table('users').multiInsert(rows)
        await UserNameIndex.putMany(trx, rows)
      })
      progress(Math.min(options.count, start + options.batch), options.count)
    }
    return { first, count: options.count }
  }
}

async function nextUserId() {
  const row = await db.from('users').max('id as max').first()
  return Number(row?.max ?? 0) + 1
}

/** The id range of the live accounts there are (authors for a seed without new users). */
async function existingUsers(): Promise<UserIdRange> {
  const row = await db
    .from('users')
    .whereNull('deleted_at')
    .min('id as first')
    .max('id as last')
    .first()
  if (!row?.first) throw new Error('No users to author posts: pass --users')
  return { first: Number(row.first), count: Number(row.last) - Number(row.first) + 1 }
}
