import { createReadStream } from 'node:fs'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { forUpdate } from '#core/database/for_update'
import logger from '@adonisjs/core/services/logger'
import config from '#uploads/config'
import Upload from '#uploads/models/upload'
import { contradicts, extensionFor, normalizeType } from '#uploads/domain/media_type'
import { newPublicId, storageKeys } from '#uploads/domain/storage_key'
import { UploadRefusal } from '#uploads/domain/upload_refusal'
import { sniffType } from '#uploads/services/sniff_type'
import { isProcessable, processImage, type ProcessedImage } from '#uploads/services/process_image'
import { removeQuietly, type ReceivedFile } from '#uploads/services/receive_file'
import { uploadDisk } from '#uploads/services/upload_disk'
import { storing } from '#uploads/services/storage_fault'
import { uploadBytes, uploadsStored } from '#uploads/metrics'

/** Bytes a member's uploads take (through the (user_id, id) index). */
export async function usedBytes(userId: number, client: QueryClientContract = db.connection()) {
  const row = await client.from('uploads').where('user_id', userId).sum('size as total').first()
  return Number(row?.total ?? 0)
}

/**
 * Runs `insert` in a transaction that holds the member's quota lock
 * (upload_quota_locks, FOR UPDATE on MariaDB; SQLite runs one write
 * transaction at a time) and refuses it when the member's usage, read
 * inside that transaction, plus `size` passes the quota. So two concurrent
 * uploads cannot both pass the check: the second waits for the first's
 * row, then sees it.
 */
async function withinQuota<T>(
  userId: number,
  size: number,
  quotaBytes: number,
  insert: (trx: TransactionClientContract) => Promise<T>
) {
  // Created outside the transaction: a duplicate INSERT inside it would take a shared lock
  // on MariaDB that two uploads then both try to upgrade (a deadlock).
  const lock = await db.from('upload_quota_locks').where('user_id', userId).first()
  if (!lock) {
    await db.table('upload_quota_locks').insert({ user_id: userId }).onConflict('user_id').ignore()
  }
  return db.transaction(async (trx) => {
    await forUpdate(trx.from('upload_quota_locks').where('user_id', userId)).first()
    if ((await usedBytes(userId, trx)) + size > quotaBytes) throw quotaExceeded()
    return insert(trx)
  })
}

export function quotaExceeded() {
  return new UploadRefusal('quota', 'Your upload quota is used up: delete some uploads first', {
    status: 413,
    code: 'E_QUOTA_EXCEEDED',
  })
}

/**
 * Stores a received file for its uploader: types it from its bytes
 * (refusing unknown, unlisted and disguised files), cleans images and
 * makes their thumbnail, checks the quota on the bytes that will be
 * stored, then writes the files and the row. Temporary files are removed
 * whatever happens.
 */
export class StoreUpload {
  async handle(userId: number, file: ReceivedFile): Promise<Upload> {
    let image: ProcessedImage | undefined
    try {
      const settings = config.get()
      const sniffed = await sniffType(file.path)
      if (!sniffed) throw UploadRefusal.unsupported('type', 'This kind of file is not accepted')
      if (!settings.types.includes(sniffed.type)) {
        throw UploadRefusal.unsupported('type', `Files of type ${sniffed.type} are not accepted`)
      }
      if (contradicts(normalizeType(file.declaredType), sniffed.type)) {
        throw UploadRefusal.unsupported(
          'disguised',
          `The file's content (${sniffed.type}) does not match its declared type`
        )
      }
      if (isProcessable(sniffed.type)) image = await processImage(file.path, sniffed.type, settings)

      const size = image?.size ?? file.size
      // A cheap refusal before the write; the binding check is withinQuota's, after it.
      if ((await usedBytes(userId)) + size > settings.quotaBytes) throw quotaExceeded()

      const publicId = newPublicId()
      const keys = storageKeys(publicId, extensionFor(sniffed.type, sniffed.extension))
      const disk = uploadDisk()
      try {
        await storing('disk', () =>
          disk.putStream(keys.original, createReadStream(image?.path ?? file.path), {
            contentType: sniffed.type,
            contentLength: size,
          })
        )
        if (image) {
          const thumbnail = image.thumbnailPath
          await storing('disk', () =>
            disk.putStream(keys.thumbnail, createReadStream(thumbnail), {
              contentType: 'image/webp',
            })
          )
        }
        const row = {
          userId,
          publicId,
          storageKey: keys.original,
          thumbnailKey: image ? keys.thumbnail : null,
          contentType: sniffed.type,
          size,
          width: image?.width ?? null,
          height: image?.height ?? null,
          sha256: file.sha256,
          originalName: file.clientName.slice(0, 255) || null,
          attachedAt: null,
        }
        const upload = await withinQuota(userId, size, settings.quotaBytes, (client) =>
          Upload.create(row, { client })
        )
        uploadsStored.inc({ kind: image ? 'image' : 'file' })
        uploadBytes.inc(size)
        return upload
      } catch (error) {
        // No row, no files: a failed (or partial) write or a quota lost to a concurrent upload
        // leaves nothing.
        await disk.delete(keys.original).catch(() => {})
        if (image) await disk.delete(keys.thumbnail).catch(() => {})
        throw error
      }
    } finally {
      await removeQuietly(file.path, image?.path, image?.thumbnailPath).catch((error) =>
        logger.warn({ err: error }, 'could not remove a temporary upload file')
      )
    }
  }
}
