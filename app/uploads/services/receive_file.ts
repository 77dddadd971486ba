import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { MultipartStream } from '@adonisjs/core/types/bodyparser'
import app from '@adonisjs/core/services/app'
import { storageFault, storing } from '#uploads/services/storage_fault'

export interface ReceivedFile {
  path: string
  size: number
  sha256: string
  /** What the client said; only compared with the bytes, never trusted. */
  declaredType: string | undefined
  clientName: string
}

/** A fresh path under tmp/uploads for a file in the making; a folder that fails is a storage fault. */
export async function tempPath(suffix = '') {
  const folder = app.tmpPath('uploads')
  await storing('temp', () => mkdir(folder, { recursive: true }))
  return `${folder}/${randomBytes(12).toString('hex')}${suffix}`
}

export async function removeQuietly(...paths: (string | undefined)[]) {
  await Promise.all(paths.map((path) => (path ? rm(path, { force: true }) : undefined)))
}

/**
 * Streams a multipart file part to a temporary file, hashing it on the
 * way, so a large file is never held in memory. `reportChunk` lets the
 * body parser count bytes against the size limit (it aborts the request
 * past it). The file is removed when the stream fails; a failure of the
 * write side (disk full, folder gone) is a storage fault (503), one of the
 * client's side (aborted, too large) stays what it is.
 */
export async function receiveFile(
  part: MultipartStream,
  reportChunk: (chunk: Buffer) => unknown
): Promise<ReceivedFile> {
  const path = await tempPath()
  const hash = createHash('sha256')
  let size = 0
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      hash.update(chunk)
      reportChunk(chunk)
      done(null, chunk)
    },
  })
  let writeFailed = false
  const file = createWriteStream(path).once('error', () => {
    writeFailed = true
  })
  try {
    await pipeline(part, meter, file)
  } catch (error) {
    await removeQuietly(path).catch(() => {})
    throw writeFailed ? storageFault('temp', error) : error
  }
  return {
    path,
    size,
    sha256: hash.digest('hex'),
    declaredType: part.headers['content-type'],
    clientName: part.filename ?? '',
  }
}
