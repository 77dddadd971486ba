import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import config from '#uploads/config'
import { SetAvatar } from '#uploads/actions/set_avatar'
import { RemoveAvatar } from '#uploads/actions/remove_avatar'
import { AVATAR_SIZES } from '#uploads/domain/avatar_sizes'
import { UploadRefusal } from '#uploads/domain/upload_refusal'
import { assertMultipartWithin, receiveUploadBody } from '#uploads/services/receive_upload_body'
import { countRefusal } from '#uploads/metrics'

export default class AvatarsController {
  /** PUT /api/v1/user/avatar: multipart, field `file` (an image); replaces the picture. */
  async update({ request, auth }: HttpContext) {
    const user = apiUser(auth)
    const settings = config.get()
    try {
      assertMultipartWithin(request, settings.maxBytes)
      const file = await receiveUploadBody(request, settings.maxBytes)
      const { template } = await new SetAvatar().handle(user.id, file)
      return { avatar_template: template, sizes: [...AVATAR_SIZES] }
    } catch (error) {
      if (error instanceof UploadRefusal) countRefusal(error.reason)
      throw error
    }
  }

  /** DELETE /api/v1/user/avatar: back to the letter avatar (204 also when there was none). */
  async destroy({ auth, response }: HttpContext) {
    await new RemoveAvatar().handle(apiUser(auth).id)
    return response.noContent()
  }
}
