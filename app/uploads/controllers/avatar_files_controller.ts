import type { HttpContext } from '@adonisjs/core/http'
import { AppException } from '#core/exceptions/app_exception'
import UserAvatar from '#uploads/models/user_avatar'
import { avatarKey, avatarUrl, parseAvatarFile } from '#uploads/domain/avatar_sizes'
import { IMMUTABLE, sendStoredFile } from '#uploads/services/send_stored_file'

export default class AvatarFilesController {
  /**
   * GET /uploads/avatars/:avatar/:file (`<size>.webp`): the picture at a stored
   * size from the fs disk, or a redirect to a signed URL of the bucket.
   * Another size redirects to the nearest stored one (as Discourse does).
   * The key comes from the row found by the public id, never from the URL.
   */
  async show(ctx: HttpContext) {
    const { params, response } = ctx
    const served = parseAvatarFile(String(params.avatar), String(params.file))
    if (!served) throw AppException.notFound('File')
    const avatar = await UserAvatar.findBy('publicId', served.publicId)
    if (!avatar) throw AppException.notFound('File')
    if (!served.exact) {
      response.header('cache-control', IMMUTABLE)
      return response.redirect(avatarUrl(avatar.publicId, served.size))
    }
    return sendStoredFile(ctx, {
      key: avatarKey(avatar.publicId, served.size),
      etag: `"${avatar.publicId}-${served.size}"`,
      contentType: 'image/webp',
      disposition: 'inline',
      private: false,
    })
  }
}
