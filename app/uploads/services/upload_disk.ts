import { isAbsolute } from 'node:path'
import app from '@adonisjs/core/services/app'
import { Disk } from '@adonisjs/drive'
import { FSDriver } from '@adonisjs/drive/drivers/fs'
import { S3Driver } from '@adonisjs/drive/drivers/s3'
import config from '#uploads/config'

type Settings = ReturnType<typeof config.get>

let built: { settings: Settings; disk: Disk } | undefined

/**
 * The disk uploads live on, built from the plugin's settings (DRIVE_DISK):
 * the plugin owns it, so switching the plugin off leaves no drive config
 * behind. Rebuilt when the settings object changes (tests swap it).
 */
export function uploadDisk(): Disk {
  const settings = config.get()
  if (built?.settings !== settings) built = { settings, disk: createDisk(settings) }
  return built.disk
}

function createDisk(settings: Settings) {
  if (settings.disk === 'fs') {
    const root = isAbsolute(settings.fsRoot) ? settings.fsRoot : app.makePath(settings.fsRoot)
    return new Disk(new FSDriver({ location: root, visibility: 'private' }))
  }
  const { s3 } = settings
  if (!s3.bucket) throw new Error('DRIVE_DISK=s3 needs S3_BUCKET')
  return new Disk(
    new S3Driver({
      bucket: s3.bucket,
      region: s3.region ?? 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: s3.forcePathStyle,
      credentials:
        s3.accessKeyId && s3.secretAccessKey
          ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
          : undefined,
      visibility: 'private',
      // Objects stay private (signed URLs); many S3-compatible servers have no ACLs.
      supportsACL: false,
      // Checksums only where the API requires them: S3-compatible servers other than
      // AWS store or refuse the SDK's default streamed checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
  )
}
