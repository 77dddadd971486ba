import { isAbsolute, join } from 'node:path'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Session } from '#tests/helpers/accounts'
import config from '#uploads/config'

type Settings = ReturnType<typeof config.get>

/** POST /api/v1/uploads with one file part. */
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

/** Where a key of the fs disk lives (UPLOAD_FS_ROOT, which each test run may set). */
export function fsPath(key = '') {
  const root = config.get().fsRoot
  return join(isAbsolute(root) ? root : app.makePath(root), key)
}
