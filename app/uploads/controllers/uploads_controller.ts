import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { apiUser } from '#accounts/public'
import config from '#uploads/config'
import { StoreUpload, quotaExceeded, usedBytes } from '#uploads/actions/store_upload'
import { ShowUpload } from '#uploads/actions/show_upload'
import { DeleteUpload } from '#uploads/actions/delete_upload'
import { UploadRefusal } from '#uploads/domain/upload_refusal'
import { receiveFile, removeQuietly, type ReceivedFile } from '#uploads/services/receive_file'
import { isStorageFault } from '#uploads/services/storage_fault'
import { uploadJson } from '#uploads/transformers/upload_json'
import { countRefusal } from '#uploads/metrics'

/** Room the multipart framing and small fields may take beside the file. */
const FRAMING_BYTES = 64 * 1024

function tooLarge(maxBytes: number) {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10
  return new UploadRefusal('too_large', `The file is larger than ${mb} MB`, {
    status: 413,
    code: 'E_PAYLOAD_TOO_LARGE',
  })
}

export default class UploadsController {
  /** POST /api/v1/uploads: multipart, field `file`, streamed to a temporary file. */
  async store({ request, response, auth }: HttpContext) {
    const user = apiUser(auth)
    const settings = config.get()
    try {
      const declaredLength = Number(request.header('content-length') ?? 0)
      if (declaredLength > settings.maxBytes + FRAMING_BYTES) throw tooLarge(settings.maxBytes)
      if (!request.is(['multipart/form-data'])) {
        throw UploadRefusal.unsupported(
          'no_file',
          'Send the file as multipart/form-data, field "file"'
        )
      }
      // A member at the quota is refused before the body is read.
      if ((await usedBytes(user.id)) >= settings.quotaBytes) throw quotaExceeded()

      const file = await receive(request, settings.maxBytes)
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

/** Reads the body's `file` part to a temporary file; the body parser stops past `maxBytes`. */
async function receive(request: HttpContext['request'], maxBytes: number): Promise<ReceivedFile> {
  let received: ReceivedFile | undefined
  let extra: ReceivedFile | undefined
  // The body parser keeps a handler's error to itself (the part only counts as failed):
  // a server-side one is kept here, so it is not taken for a missing file (422).
  let fault: unknown
  request.multipart.onFile('file', {}, async (part, reportChunk) => {
    try {
      const file = await receiveFile(part, reportChunk)
      // Only one file per upload: a second `file` part is read and dropped.
      if (received) extra = file
      else received = file
    } catch (error) {
      if (isStorageFault(error)) fault ??= error
      throw error
    }
  })
  try {
    await request.multipart.process({ limit: maxBytes })
  } catch (error) {
    await removeQuietly(received?.path)
    if (fault) throw fault
    if (error instanceof Exception && error.status === 413) throw tooLarge(maxBytes)
    throw error
  } finally {
    await removeQuietly(extra?.path)
  }
  if (fault) {
    await removeQuietly(received?.path)
    throw fault
  }
  if (!received) throw UploadRefusal.unsupported('no_file', 'Send the file in the field "file"')
  return received
}
