import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { LIKE_ESCAPE, containsPattern } from '#core/database/escape_like'
import { insertRows } from '#core/database/insert_rows'
import { cappedCount } from '#core/database/capped_count'
import { foldText } from '#core/text/fold_text'

/** A name's grams are its runs of this many characters (folded). */
export const GRAM_LENGTH = 3

/** At most this many of a keyword's grams are counted to find its rarest. */
const GRAMS_COUNTED = 6

/** Grams are counted up to this many users: beyond, one is as common as another. */
const COUNT_CAP = 1000

/** The distinct 3-character grams of a text, case and accents folded. */
export function nameGrams(text: string) {
  const chars = [...foldText(text)]
  const grams = new Set<string>()
  for (let at = 0; at + GRAM_LENGTH <= chars.length; at++)
    grams.add(chars.slice(at, at + GRAM_LENGTH).join(''))
  return [...grams]
}

/**
 * Account names by their 3-character grams (`user_name_grams`), so that
 * "authors whose name contains the keyword", asked on every search, reads
 * the accounts having the keyword's rarest gram instead of every name: a
 * substring LIKE can use no index, so its cost grows with the number of
 * accounts. The LIKE still decides on the candidates, so
 * the answer is the same. Live accounts only; kept in step by the account
 * actions inside their transactions.
 */
export class UserNameIndex {
  /** Indexes an account's name, replacing what it had; null removes it (deleted account). */
  static async put(trx: QueryClientContract, userId: number, name: string | null) {
    await trx.from('user_name_grams').where('user_id', userId).delete()
    if (name !== null) await UserNameIndex.putMany(trx, [{ id: userId, name }])
  }

  /** Indexes new accounts at once (seeding, rebuilding). */
  static async putMany(client: QueryClientContract, users: { id: number; name: string }[]) {
    const rows = users.flatMap((user) =>
      nameGrams(user.name).map((gram) => ({ gram, user_id: user.id }))
    )
    await insertRows(client, 'user_name_grams', rows)
  }

  /** Builds the index again from every live account (the migration that introduced it). */
  static async rebuild(client: QueryClientContract = db.connection(), batch = 2000) {
    await client.from('user_name_grams').delete()
    let after = 0
    for (;;) {
      const users = await client
        .from('users')
        .whereNull('deleted_at')
        .where('id', '>', after)
        .orderBy('id')
        .limit(batch)
        .select('id', 'name')
      if (!users.length) return
      await UserNameIndex.putMany(
        client,
        users.map((user) => ({ id: Number(user.id), name: String(user.name) }))
      )
      after = Number(users[users.length - 1].id)
    }
  }

  /**
   * Live accounts whose name contains `keyword` literally (the escaped
   * LIKE), at most `limit`. A keyword shorter than a gram reads every name.
   */
  static async matching(keyword: string, limit: number): Promise<number[]> {
    const query = db
      .from('users as u')
      .whereNull('u.deleted_at')
      .whereRaw('u.name like ? escape ?', [containsPattern(keyword), LIKE_ESCAPE])
      .select('u.id')
      .limit(limit)
    const grams = nameGrams(keyword)
    if (grams.length) {
      const gram = await rarestOf(grams)
      query.join('user_name_grams as g', 'g.user_id', 'u.id').where('g.gram', gram)
    }
    const rows = await query
    return rows.map((row) => Number(row.id))
  }
}

/** The gram held by fewest accounts, among up to GRAMS_COUNTED spread over the keyword. */
async function rarestOf(grams: string[]) {
  if (grams.length === 1) return grams[0]
  const step = Math.max(1, Math.ceil(grams.length / GRAMS_COUNTED))
  const counted = grams.filter((_, index) => index % step === 0)
  const counts = await Promise.all(
    counted.map(async (gram) => ({
      gram,
      total: await cappedCount(db.from('user_name_grams').where('gram', gram), COUNT_CAP),
    }))
  )
  return counts.reduce((rarest, next) => (next.total < rarest.total ? next : rarest)).gram
}
