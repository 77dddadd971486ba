import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '@boardcms/plugin-kit'

const TABLE = 'reading_times'

/**
 * The plugin's own table: one row per post, written from the board's
 * events. It never reads the board's tables; a deleted post's row is
 * hidden, not removed, so a restore brings it back.
 */
export class ReadingTimeStore {
  /** The word count of a post's current text (created or edited). */
  static async record(postId: number, words: number) {
    await db
      .table(TABLE)
      .insert({ post_id: postId, words, hidden: false, updated_at: sqlTime() })
      .onConflict('post_id')
      .merge(['words', 'updated_at'])
  }

  static async setHidden(postId: number, hidden: boolean) {
    await db.from(TABLE).where('post_id', postId).update({ hidden, updated_at: sqlTime() })
  }

  /** The word count of a post that is not deleted, or null when none is recorded. */
  static async words(postId: number): Promise<number | null> {
    const row = await db
      .from(TABLE)
      .where('post_id', postId)
      .where('hidden', false)
      .select('words')
      .first()
    return row ? Number(row.words) : null
  }
}
