import { isAbsolute, join } from 'node:path'
import app from '@adonisjs/core/services/app'
import config from '#uploads/config'

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

/** Where a key of the fs disk lives (UPLOAD_FS_ROOT, which each test run may set). */
export function fsPath(key = '') {
  const root = config.get().fsRoot
  return join(isAbsolute(root) ? root : app.makePath(root), key)
}
