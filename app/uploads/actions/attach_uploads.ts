import type { ContentWrite } from '#board/public'
import { AppException } from '#core/exceptions/app_exception'
import { forUpdate } from '#core/database/for_update'
import { sqlNow } from '#core/database/sql_now'

/**
 * Records a post's or comment's version's uploads, in the board's write
 * transaction (its content extension point): a refusal rolls the whole
 * write back. Given ids must be the writer's own uploads (only authors
 * edit); left out, the new version keeps the attachments of the version
 * it starts from (the previous one, or the one a moderator restores,
 * whoever uploaded them). An attached upload is never pruned
 * (`attached_at` set): old versions keep theirs.
 */
export class AttachUploads {
  async handle(write: ContentWrite) {
    const { trx, kind, id, postId, version, userId, baseVersion } = write
    const ids = write.attachments ?? (await this.#attachedTo(write, baseVersion))
    if (!ids.length) return

    if (write.attachments) {
      // Locked (MariaDB): the prune job cannot delete an upload this write is attaching.
      const rows = await forUpdate(trx.from('uploads').whereIn('id', ids).select('id', 'user_id'))
      const owners = new Map(rows.map((row) => [Number(row.id), Number(row.user_id)]))
      const unknown = ids.find((uploadId) => !owners.has(uploadId))
      if (unknown !== undefined) {
        throw AppException.unprocessable(`Upload ${unknown} not found`, 'attachments')
      }
      const foreign = ids.find((uploadId) => owners.get(uploadId) !== userId)
      if (foreign !== undefined) {
        throw new AppException(`Upload ${foreign} is not yours to attach`, {
          status: 403,
          code: 'E_FORBIDDEN',
          field: 'attachments',
        })
      }
      await trx
        .from('uploads')
        .whereIn('id', ids)
        .whereNull('attached_at')
        .update({ attached_at: sqlNow() })
    }
    await trx.table('upload_attachments').multiInsert(
      ids.map((uploadId, position) => ({
        upload_id: uploadId,
        target_type: kind,
        target_id: id,
        post_id: postId,
        version,
        position,
      }))
    )
  }

  /** The uploads of the version the write starts from (none for new content). */
  async #attachedTo(write: ContentWrite, version: number | null): Promise<number[]> {
    if (version === null) return []
    const rows = await write.trx
      .from('upload_attachments')
      .where({ target_type: write.kind, target_id: write.id, version })
      .orderBy('position')
      .select('upload_id')
    return rows.map((row) => Number(row.upload_id))
  }
}
