import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import config from '#uploads/config'
import { StoreUpload, quotaExceeded, usedBytes } from '#uploads/actions/store_upload'
import { ShowUpload } from '#uploads/actions/show_upload'
import { DeleteUpload } from '#uploads/actions/delete_upload'
import { UploadRefusal } from '#uploads/domain/upload_refusal'
import { assertMultipartWithin, receiveUploadBody } from '#uploads/services/receive_upload_body'
import { uploadJson } from '#uploads/transformers/upload_json'
import { countRefusal } from '#uploads/metrics'

export default class UploadsController {
  /** POST /api/v1/uploads: multipart, field `file`, streamed to a temporary file. */
  async store({ request, response, auth }: HttpContext) {
    const user = apiUser(auth)
    const settings = config.get()
    try {
      assertMultipartWithin(request, settings.maxBytes)
      // A member at the quota is refused before the body is read.
      if ((await usedBytes(user.id)) >= settings.quotaBytes) throw quotaExceeded()

      const file = await receiveUploadBody(request, settings.maxBytes)
      const upload = await new StoreUpload().handle(user.id, file)
      return response.created(uploadJson(upload))
    } catch (error) {
      if (error instanceof UploadRefusal) countRefusal(error.reason)
      throw error
    }
  }

  /** GET /api/v1/uploads/:id: the record, for the uploader and staff. */
  async show({ params, auth }: HttpContext) {
    return uploadJson(await new ShowUpload().handle(Number(params.id), apiUser(auth)))
  }

  /** DELETE /api/v1/uploads/:id: the uploader or staff. */
  async destroy({ params, auth, response }: HttpContext) {
    await new DeleteUpload().handle(Number(params.id), apiUser(auth))
    return response.noContent()
  }
}
