import type { HttpContext } from '@adonisjs/core/http'
import { AppException } from '#core/exceptions/app_exception'
import Upload from '#uploads/models/upload'
import { contentDisposition } from '#uploads/domain/media_type'
import { extensionOf, parseServedFile } from '#uploads/domain/storage_key'
import { sendStoredFile } from '#uploads/services/send_stored_file'
import { AttachmentVisibility } from '#uploads/services/attachment_visibility'
import UploadPolicy from '#uploads/policies/upload_policy'
import { apiUser, type Actor } from '#accounts/public'

/**
 * The reader, when the request carries a bearer token (a client fetching
 * a hidden file for its uploader or staff); anyone else is a stranger.
 */
async function reader(ctx: HttpContext): Promise<Actor | null> {
  if (!ctx.request.header('authorization')) return null
  try {
    await ctx.auth.authenticateUsing(['api', 'api_tokens'])
    return apiUser(ctx.auth)
  } catch {
    return null
  }
}

export default class UploadFilesController {
  /**
   * GET /uploads/:file: the file from the fs disk, or a redirect to a
   * signed URL of the S3 bucket. The key comes from the database row
   * found by the URL's public id, never from the URL itself.
   */
  async show(ctx: HttpContext) {
    const { params } = ctx
    const served = parseServedFile(String(params.file))
    if (!served) throw AppException.notFound('File')
    const upload = await Upload.findBy('publicId', served.publicId)
    const key = served.thumbnail ? upload?.thumbnailKey : upload?.storageKey
    if (!upload || !key || extensionOf(key) !== served.extension) {
      throw AppException.notFound('File')
    }
    // Attached only to deleted content: 404, but to the uploader and staff.
    const hidden = upload.attachedAt !== null && (await AttachmentVisibility.hidden(upload.id))
    if (hidden) {
      const actor = await reader(ctx)
      if (!actor || !new UploadPolicy().view(actor, upload)) throw AppException.notFound('File')
    }
    const type = served.thumbnail ? 'image/webp' : upload.contentType
    const disposition = contentDisposition(type, served.thumbnail ? null : upload.originalName)
    return sendStoredFile(ctx, {
      key,
      etag: `"${served.publicId}${served.thumbnail ? '-thumb' : ''}"`,
      contentType: type === 'text/plain' ? 'text/plain; charset=utf-8' : type,
      disposition,
      private: hidden,
    })
  }
}
