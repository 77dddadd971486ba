import env from '#start/env'
import type Upload from '#uploads/models/upload'
import { extensionOf } from '#uploads/domain/storage_key'

export interface UploadJson {
  id: number
  url: string
  content_type: string
  size: number
  width: number | null
  height: number | null
  thumbnail_url: string | null
  created_at: string
}

/** Where the app serves an upload: absolute under APP_URL when set. */
export function uploadUrl(publicId: string, extension: string, thumbnail = false) {
  const base = (env.get('APP_URL') ?? '').replace(/\/+$/, '')
  return `${base}/uploads/${publicId}${thumbnail ? '_thumb' : ''}.${extension}`
}

export function uploadJson(upload: Upload): UploadJson {
  return {
    id: upload.id,
    url: uploadUrl(upload.publicId, extensionOf(upload.storageKey)),
    content_type: upload.contentType,
    size: Number(upload.size),
    width: upload.width,
    height: upload.height,
    thumbnail_url: upload.thumbnailKey ? uploadUrl(upload.publicId, 'webp', true) : null,
    created_at: upload.createdAt.toUTC().toISO()!,
  }
}

/** An upload as a post or comment shows it: the upload's JSON without its time. */
export type AttachmentJson = Omit<UploadJson, 'created_at'>

export function attachmentJson(upload: Upload): AttachmentJson {
  const { created_at: createdAt, ...json } = uploadJson(upload)
  void createdAt
  return json
}
