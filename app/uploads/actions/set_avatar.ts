import { createReadStream } from 'node:fs'
import logger from '@adonisjs/core/services/logger'
import { SetAvatarTemplate } from '#accounts/public'
import config from '#uploads/config'
import UserAvatar from '#uploads/models/user_avatar'
import { IMAGE_TYPES, contradicts, normalizeType } from '#uploads/domain/media_type'
import { newPublicId } from '#uploads/domain/storage_key'
import { avatarKey, avatarKeys, avatarTemplate } from '#uploads/domain/avatar_sizes'
import { UploadRefusal } from '#uploads/domain/upload_refusal'
import { sniffType } from '#uploads/services/sniff_type'
import { makeAvatar, type AvatarFiles } from '#uploads/services/make_avatar'
import { removeQuietly, type ReceivedFile } from '#uploads/services/receive_file'
import { uploadDisk } from '#uploads/services/upload_disk'
import { deleteFiles } from '#uploads/actions/delete_upload'
import { uploadBytes, uploadsStored } from '#uploads/metrics'

/**
 * Makes an uploaded image a member's picture: typed from its bytes (images
 * only, refusing disguised files), square WebP files at every AVATAR_SIZES
 * written to the disk, then in one transaction the member's previous
 * avatar row replaced and the account's template set (SetAvatarTemplate).
 * The previous files go after commit (even when dropping the caches then
 * fails); a failure before commit leaves the previous picture in place and
 * no new files behind.
 */
export class SetAvatar {
  async handle(userId: number, file: ReceivedFile) {
    let made: AvatarFiles | undefined
    try {
      const settings = config.get()
      const sniffed = await sniffType(file.path)
      if (!sniffed || !IMAGE_TYPES.has(sniffed.type)) {
        throw UploadRefusal.unsupported('type', 'An avatar must be a JPEG, PNG, GIF or WebP image')
      }
      if (contradicts(normalizeType(file.declaredType), sniffed.type)) {
        throw UploadRefusal.unsupported(
          'disguised',
          `The file's content (${sniffed.type}) does not match its declared type`
        )
      }
      made = await makeAvatar(file.path, settings)

      const publicId = newPublicId()
      const disk = uploadDisk()
      const template = avatarTemplate(publicId)
      // Set once the transaction commits: from then on the new files are in use, and a later
      // failure (the cache drop's 503) must neither remove them nor keep the previous ones.
      let committed = false
      let previousId: string | undefined
      try {
        for (const [side, path] of made.paths) {
          await disk.putStream(avatarKey(publicId, side), createReadStream(path), {
            contentType: 'image/webp',
          })
        }
        const size = made.size
        await new SetAvatarTemplate().handle(userId, template, async (trx) => {
          trx.after('commit', () => {
            committed = true
          })
          const old = await UserAvatar.query({ client: trx }).where('user_id', userId).first()
          if (old) await old.useTransaction(trx).delete()
          await UserAvatar.create({ userId, publicId, size }, { client: trx })
          previousId = old?.publicId
        })
        uploadsStored.inc({ kind: 'avatar' })
        uploadBytes.inc(size)
        return { template }
      } catch (error) {
        if (!committed) await deleteFiles(avatarKeys(publicId))
        throw error
      } finally {
        if (committed && previousId) await deleteFiles(avatarKeys(previousId))
      }
    } finally {
      await removeQuietly(file.path, ...(made?.paths.values() ?? [])).catch((error) =>
        logger.warn({ err: error }, 'could not remove a temporary avatar file')
      )
    }
  }
}
