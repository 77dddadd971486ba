import type { ApiClient } from '@japa/api-client'
import type { Session } from '#tests/helpers/accounts'
import { isAbsolute, join } from 'node:path'
import app from '@adonisjs/core/services/app'
import config from '#uploads/config'
import { png } from '#uploads/tests/fixtures'

type Settings = ReturnType<typeof config.get>

export { upload } from '#tests/helpers/uploads'

/** Changes upload settings for one test; returns the function that restores them. */
export function withSettings(change: Partial<Settings>) {
  const original = config.get()
  config.set({ ...original, ...change })
  return () => config.set(original)
}

/** The path part of an upload URL (the client joins it to the test server). */
export function pathOf(url: string) {
  return new URL(url, 'http://localhost').pathname
}

/** An avatar template as PUT /user/avatar answers it; group 1 is the public id. */
export const AVATAR_TEMPLATE = /^\/uploads\/avatars\/([a-f0-9]{32})\/\{size\}\.webp$/

/** PUT /api/v1/user/avatar with one file part. */
export function putAvatar(
  client: ApiClient,
  session: Session | null,
  bytes: Buffer,
  options: { filename: string; contentType?: string } = {
    // A declaration that says nothing: the bytes decide.
    filename: 'avatar',
    contentType: 'application/octet-stream',
  }
) {
  const request = client.put('/api/v1/user/avatar')
  if (session) request.headers(session.auth)
  return request.file('file', bytes, options)
}

/** Sets a fresh avatar and answers its template and public id. */
export async function withAvatar(client: ApiClient, session: Session, bytes?: Buffer) {
  const response = await putAvatar(client, session, bytes ?? (await png(300, 200)))
  response.assertStatus(200)
  const template: string = response.body().avatar_template
  return { template, publicId: AVATAR_TEMPLATE.exec(template)![1] }
}

/** A template's URL at one size. */
export const at = (template: string, size: number | string) =>
  template.replace('{size}', String(size))
/** Where a key of the fs disk lives (UPLOAD_FS_ROOT, which each test run may set). */
export function fsPath(key = '') {
  const root = config.get().fsRoot
  return join(isAbsolute(root) ? root : app.makePath(root), key)
}
