import { statfs } from 'node:fs/promises'
import { dirname, isAbsolute } from 'node:path'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import { BaseCheck, Result } from '@adonisjs/core/health'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'
import config from '#uploads/config'

/** The database's sum is read at most this often (a probe every few seconds must stay cheap). */
const USAGE_TTL_MS = 30_000
/** statfs on a hung network volume must not hang the probe. */
const STATFS_TIMEOUT_MS = 1500

export interface UploadDiskDetails {
  disk: 'fs' | 's3'
  /** Bytes of the stored uploads: the sum of uploads.size (thumbnails not counted); null when the database did not answer. */
  used_bytes: number | null
  /** fs only: the volume the folder is on (statfs), bytes an unprivileged process may still write. */
  free_bytes?: number
  total_bytes?: number
}

let usage: { at: number; bytes: number } | undefined

/** Forgets the cached sum (tests read a fresh one). */
export function forgetUploadUsage() {
  usage = undefined
}

/**
 * Bytes the uploads take, from the database (`SUM(size)`), cached for 30 s:
 * walking a folder of millions of files on every probe would cost far more
 * than the probe is worth, and the rows are what the quota counts.
 */
async function usedBytes() {
  if (usage && Date.now() - usage.at < USAGE_TTL_MS) return usage.bytes
  const row = await db.from('uploads').sum('size as total').first()
  usage = { at: Date.now(), bytes: Number(row?.total ?? 0) }
  return usage.bytes
}

/** statfs of the folder, or of its nearest existing parent before the first upload made it. */
async function volumeOf(folder: string) {
  let path = folder
  for (;;) {
    try {
      return await statfs(path)
    } catch (error) {
      const parent = dirname(path)
      if ((error as { code?: string }).code !== 'ENOENT' || parent === path) throw error
      path = parent
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number) {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('statfs gave no answer in time')), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

function megabytes(bytes: number) {
  return `${Math.round(bytes / 1024 / 1024)} MB`
}

/**
 * /health/ready's "Upload disk" check. On the fs disk: the bytes the
 * uploads take and the free space of the folder's volume; a warning (the
 * instance stays ready, reads still work) below UPLOAD_DISK_WARN_FREE_MB
 * (default 5% or ten maximum-size uploads), an error when the volume cannot be asked (a hung or
 * unmounted network volume). On S3 only the bytes: the bucket is not
 * probed. `details` carries the numbers, never the path.
 */
export class UploadDiskCheck extends BaseCheck {
  name = 'Upload disk'

  async run() {
    const settings = config.get()
    const used = await usedBytes().catch(() => null)
    if (settings.disk === 's3') {
      const details: UploadDiskDetails = { disk: 's3', used_bytes: used }
      return Result.ok('Uploads are stored on S3').setMetaData({ details })
    }
    const root = isAbsolute(settings.fsRoot) ? settings.fsRoot : app.makePath(settings.fsRoot)
    try {
      const volume = await withTimeout(volumeOf(root), STATFS_TIMEOUT_MS)
      const free = volume.bavail * volume.bsize
      const total = volume.blocks * volume.bsize
      const details: UploadDiskDetails = {
        disk: 'fs',
        used_bytes: used,
        free_bytes: free,
        total_bytes: total,
      }
      const low =
        free < (settings.diskWarnFreeBytes ?? Math.max(total * 0.05, settings.maxBytes * 10))
      const message = `${megabytes(free)} free of ${megabytes(total)}`
      return (
        low ? Result.warning(`Upload disk is nearly full: ${message}`) : Result.ok(message)
      ).setMetaData({ details })
    } catch (error) {
      logger.warn({ err: safeErrorFields(error), check: this.name }, 'readiness check failed')
      return Result.failed('Upload disk is not answering')
    }
  }
}
