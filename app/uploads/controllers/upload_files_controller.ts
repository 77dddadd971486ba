import type { HttpContext } from '@adonisjs/core/http'
import { AppException } from '#core/exceptions/app_exception'
import config from '#uploads/config'
import Upload from '#uploads/models/upload'
import { contentDisposition } from '#uploads/domain/media_type'
import { extensionOf, parseServedFile } from '#uploads/domain/storage_key'
import { uploadDisk } from '#uploads/services/upload_disk'
import { AttachmentVisibility } from '#uploads/services/attachment_visibility'
import UploadPolicy from '#uploads/policies/upload_policy'
import { apiUser, type Actor } from '#accounts/public'

/** A URL's content never changes (keys are random and never reused): caches may keep it. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** A file of deleted content, shown to its uploader or staff: no shared cache may keep it. */
const PRIVATE = 'private, no-store'

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
    const { params, request, response } = ctx
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
    const headerType = type === 'text/plain' ? 'text/plain; charset=utf-8' : type
    const disk = uploadDisk()
    const settings = config.get()

    if (settings.disk === 's3') {
      const url = await disk.getSignedUrl(key, {
        expiresIn: settings.s3.signedUrlSeconds,
        contentType: headerType,
        contentDisposition: disposition,
      })
      // The redirect may be reused while the signature is valid, not longer.
      response.header(
        'cache-control',
        hidden ? PRIVATE : `private, max-age=${Math.floor(settings.s3.signedUrlSeconds / 2)}`
      )
      return response.redirect(url)
    }

    response.header('etag', `"${served.publicId}${served.thumbnail ? '-thumb' : ''}"`)
    response.header('cache-control', hidden ? PRIVATE : IMMUTABLE)
    response.header('content-type', headerType)
    response.header('content-disposition', disposition)
    // What a browser may do with it: nothing beyond showing it.
    response.header('x-content-type-options', 'nosniff')
    response.header('content-security-policy', "default-src 'none'; sandbox")
    if (response.fresh()) return response.notModified()
    const metadata = await disk.getMetaData(key).catch(() => null)
    if (!metadata) throw AppException.notFound('File')
    response.header('content-length', String(metadata.contentLength))
    if (request.method() === 'HEAD') return response.ok('')
    return response.stream(await disk.getStream(key))
  }
}
