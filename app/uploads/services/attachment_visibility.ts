import db from '@adonisjs/lucid/services/db'
import type { ContentKind } from '#board/public'

/**
 * Files of deleted content: while a post or comment is deleted its
 * attachments answer 404 to strangers, unless other live content has them
 * too. A deleted post hides its comments' attachments as well. Kept in
 * `upload_hidden_targets` by the board's delete and restore events, and
 * only for content that has attachments.
 */
export class AttachmentVisibility {
  static async hide(kind: ContentKind, id: number) {
    const attached = await db
      .from('upload_attachments')
      .where(kind === 'post' ? { post_id: id } : { target_type: kind, target_id: id })
      .first()
    if (!attached) return
    await db
      .table('upload_hidden_targets')
      .insert({ target_type: kind, target_id: id })
      .onConflict(['target_type', 'target_id'])
      .ignore()
  }

  static async show(kind: ContentKind, id: number) {
    await db.from('upload_hidden_targets').where({ target_type: kind, target_id: id }).delete()
  }

  /** Whether an attached upload is on no live content any more (one indexed query). */
  static async hidden(uploadId: number) {
    const live = await db
      .from('upload_attachments as a')
      .where('a.upload_id', uploadId)
      .whereNotExists((hidden) => {
        hidden.from('upload_hidden_targets as h').where((match) => {
          match
            .where((own) => {
              own
                .whereColumn('h.target_type', 'a.target_type')
                .whereColumn('h.target_id', 'a.target_id')
            })
            .orWhere((post) => {
              post.where('h.target_type', 'post').whereColumn('h.target_id', 'a.post_id')
            })
        })
      })
      .select('a.upload_id')
      .first()
    return !live
  }
}
