import { randomBytes } from 'node:crypto'

/** An upload's public id: 128 random bits in hex, the only part of its URL that varies. */
export function newPublicId() {
  return randomBytes(16).toString('hex')
}

/**
 * Keys of an upload on the disk, from its public id and extension only
 * (never from the client's file name). Two levels of folders keep any one
 * folder of the fs disk small.
 */
export function storageKeys(publicId: string, extension: string) {
  const folder = `${publicId.slice(0, 2)}/${publicId.slice(2, 4)}`
  return {
    original: `${folder}/${publicId}.${extension}`,
    thumbnail: `${folder}/${publicId}_thumb.webp`,
  }
}

/** The file part of a served URL: `<public id>.<ext>` or `<public id>_thumb.webp`. */
const SERVED_FILE = /^([a-f0-9]{32})(_thumb)?\.([a-z0-9]{1,10})$/

export function parseServedFile(file: string) {
  const match = SERVED_FILE.exec(file)
  if (!match) return null
  return { publicId: match[1], thumbnail: match[2] !== undefined, extension: match[3] }
}

/** The extension a key ends with. */
export function extensionOf(key: string) {
  return key.slice(key.lastIndexOf('.') + 1)
}
