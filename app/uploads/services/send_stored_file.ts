import type { HttpContext } from '@adonisjs/core/http'
import { AppException } from '#core/exceptions/app_exception'
import config from '#uploads/config'
import { uploadDisk } from '#uploads/services/upload_disk'

/** A URL's content never changes (keys are random and never reused): caches may keep it. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** A file only some may see: no shared cache may keep it. */
export const PRIVATE = 'private, no-store'

export interface StoredFile {
  key: string
  etag: string
  contentType: string
  disposition: string
  /** Only the reader may keep it (PRIVATE), not every cache on the way (IMMUTABLE). */
  private: boolean
}

/**
 * Answers a stored file: from the fs disk with its headers (a conditional
 * request gets 304), or a redirect to a URL of the S3 bucket signed for
 * `S3_SIGNED_URL_SECONDS`. Either way a browser may do nothing with it
 * beyond showing it.
 */
export async function sendStoredFile({ request, response }: HttpContext, file: StoredFile) {
  const disk = uploadDisk()
  const settings = config.get()
  if (settings.disk === 's3') {
    const url = await disk.getSignedUrl(file.key, {
      expiresIn: settings.s3.signedUrlSeconds,
      contentType: file.contentType,
      contentDisposition: file.disposition,
    })
    // The redirect may be reused while the signature is valid, not longer.
    response.header(
      'cache-control',
      file.private ? PRIVATE : `private, max-age=${Math.floor(settings.s3.signedUrlSeconds / 2)}`
    )
    return response.redirect(url)
  }

  response.header('etag', file.etag)
  response.header('cache-control', file.private ? PRIVATE : IMMUTABLE)
  response.header('content-type', file.contentType)
  response.header('content-disposition', file.disposition)
  response.header('x-content-type-options', 'nosniff')
  response.header('content-security-policy', "default-src 'none'; sandbox")
  if (response.fresh()) return response.notModified()
  const metadata = await disk.getMetaData(file.key).catch(() => null)
  if (!metadata) throw AppException.notFound('File')
  response.header('content-length', String(metadata.contentLength))
  if (request.method() === 'HEAD') return response.ok('')
  return response.stream(await disk.getStream(file.key))
}
