import type { ApiClient } from '@japa/api-client'
import sharp from 'sharp'
import type { Session } from '#tests/helpers/accounts'

/** POST /api/v1/uploads with one file part, as a client does (for other plugins' tests). */
export function upload(
  client: ApiClient,
  session: Session | null,
  bytes: Buffer,
  options: { filename: string; contentType?: string }
) {
  const request = client.post('/api/v1/uploads')
  if (session) request.headers(session.auth)
  return request.file('file', bytes, options)
}

/** A plain PNG of the given size. */
export function png(width = 20, height = 20, background = 'blue') {
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer()
}
