import type { HttpContext } from '@adonisjs/core/http'
import { AppException } from '#core/exceptions/app_exception'
import config from '#uploads/config'
import UserAvatar from '#uploads/models/user_avatar'
import { avatarKey, avatarUrl, parseAvatarFile } from '#uploads/domain/avatar_sizes'
import { uploadDisk } from '#uploads/services/upload_disk'

/** A URL's content never changes (public ids are random and never reused): caches may keep it. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

export default class AvatarFilesController {
  /**
   * GET /uploads/avatars/:avatar/:file (`<size>.webp`): the picture at a stored
   * size from the fs disk, or a redirect to a signed URL of the bucket.
   * Another size redirects to the nearest stored one (as Discourse does).
   * The key comes from the row found by the public id, never from the URL.
   */
  async show({ params, request, response }: HttpContext) {
    const served = parseAvatarFile(String(params.avatar), String(params.file))
    if (!served) throw AppException.notFound('File')
    const avatar = await UserAvatar.findBy('publicId', served.publicId)
    if (!avatar) throw AppException.notFound('File')
    if (!served.exact) {
      response.header('cache-control', IMMUTABLE)
      return response.redirect(avatarUrl(avatar.publicId, served.size))
    }
    const key = avatarKey(avatar.publicId, served.size)
    const disk = uploadDisk()
    const settings = config.get()

    if (settings.disk === 's3') {
      const url = await disk.getSignedUrl(key, {
        expiresIn: settings.s3.signedUrlSeconds,
        contentType: 'image/webp',
        contentDisposition: 'inline',
      })
      // The redirect may be reused while the signature is valid, not longer.
      response.header(
        'cache-control',
        `private, max-age=${Math.floor(settings.s3.signedUrlSeconds / 2)}`
      )
      return response.redirect(url)
    }

    response.header('etag', `"${avatar.publicId}-${served.size}"`)
    response.header('cache-control', IMMUTABLE)
    response.header('content-type', 'image/webp')
    response.header('content-disposition', 'inline')
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
