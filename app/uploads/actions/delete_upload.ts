import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import { authorize } from '#core/authorization/authorize'
import { AppException } from '#core/exceptions/app_exception'
import type { Actor } from '#accounts/public'
import Upload from '#uploads/models/upload'
import UploadPolicy from '#uploads/policies/upload_policy'
import { uploadDisk } from '#uploads/services/upload_disk'
import db from '@adonisjs/lucid/services/db'
import { pluginOn } from '#core/plugins/plugin_on'

/** Files of an upload on the disk. */
export function keysOf(upload: { storageKey: string; thumbnailKey: string | null }) {
  return upload.thumbnailKey ? [upload.storageKey, upload.thumbnailKey] : [upload.storageKey]
}

/** Deletes disk files; one that fails is logged (the row is gone: it is never served again). */
export async function deleteFiles(keys: string[]) {
  const disk = uploadDisk()
  await Promise.all(
    keys.map((key) =>
      disk.delete(key).catch((error) => logger.warn({ err: error, key }, 'upload file not deleted'))
    )
  )
}

/**
 * Removes an upload: the uploader or staff (UploadPolicy.delete); `actor`
 * null is an operator. Its attachments go with it (foreign key), so the
 * cached answers that showed it (post details, the author's comment
 * lists) are dropped. Emits `upload:deleted` (the audit plugin records the
 * deletions of others' uploads).
 */
export class DeleteUpload {
  async handle(id: number, actor: Actor | null) {
    const upload = await Upload.find(id)
    if (!upload) throw AppException.notFound('Upload')
    await authorize(actor, UploadPolicy, 'delete', upload)
    const targets = await db
      .from('upload_attachments')
      .where('upload_id', id)
      .distinct('target_type', 'target_id')
    // The row first: from then on the URL answers 404, whatever happens to the files.
    await upload.delete()
    if (targets.length && pluginOn('board')) {
      const { contentExtensions } = await import('#board/public')
      await contentExtensions.fieldsChanged({
        postIds: targets.filter((t) => t.target_type === 'post').map((t) => Number(t.target_id)),
        // Only a comment's author attaches to it (comments have no version restore).
        commentAuthorIds: targets.some((t) => t.target_type === 'comment') ? [upload.userId] : [],
      })
    }
    await deleteFiles(keysOf(upload))
    await emitter.emit('upload:deleted', {
      uploadId: upload.id,
      userId: upload.userId,
      actorId: actor?.id ?? null,
    })
  }
}
