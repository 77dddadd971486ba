import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { UploadRefusal } from '#uploads/domain/upload_refusal'
import { receiveFile, removeQuietly, type ReceivedFile } from '#uploads/services/receive_file'
import { isStorageFault } from '#uploads/services/storage_fault'

/** Room the multipart framing and small fields may take beside the file. */
const FRAMING_BYTES = 64 * 1024

export function tooLarge(maxBytes: number) {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10
  return new UploadRefusal('too_large', `The file is larger than ${mb} MB`, {
    status: 413,
    code: 'E_PAYLOAD_TOO_LARGE',
  })
}

/**
 * Refuses, before the body is read, a request that says it is too large or
 * is not multipart.
 */
export function assertMultipartWithin(request: HttpContext['request'], maxBytes: number) {
  const declaredLength = Number(request.header('content-length') ?? 0)
  if (declaredLength > maxBytes + FRAMING_BYTES) throw tooLarge(maxBytes)
  if (!request.is(['multipart/form-data'])) {
    throw UploadRefusal.unsupported('no_file', 'Send the file as multipart/form-data, field "file"')
  }
}

/** Reads the body's `file` part to a temporary file; the body parser stops past `maxBytes`. */
export async function receiveUploadBody(
  request: HttpContext['request'],
  maxBytes: number
): Promise<ReceivedFile> {
  let received: ReceivedFile | undefined
  let extra: ReceivedFile | undefined
  // The body parser keeps a handler's error to itself (the part only counts as failed):
  // a server-side one is kept here, so it is not taken for a missing file (422).
  let fault: unknown
  request.multipart.onFile('file', {}, async (part, reportChunk) => {
    try {
      const file = await receiveFile(part, reportChunk)
      // Only one file per request: a second `file` part is read and dropped.
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
