import { authorize } from '#core/authorization/authorize'
import { AppException } from '#core/exceptions/app_exception'
import type { Actor } from '#accounts/public'
import Upload from '#uploads/models/upload'
import UploadPolicy from '#uploads/policies/upload_policy'

/** An upload's record for the uploader or staff (UploadPolicy.view). */
export class ShowUpload {
  async handle(id: number, actor: Actor | null) {
    const upload = await Upload.find(id)
    if (!upload) throw AppException.notFound('Upload')
    await authorize(actor, UploadPolicy, 'view', upload)
    return upload
  }
}
