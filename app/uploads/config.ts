import vine from '@vinejs/vine'
import env from '#start/env'
import { definePluginConfig } from '#core/plugins/plugin_config'

export const DEFAULT_UPLOAD_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
]

/**
 * Upload settings (start/env.ts checks the types, this schema the ranges).
 * Tests swap them with `config.set()`: the disk is rebuilt from the new value.
 */
export default definePluginConfig({
  schema: vine.object({
    /** Where files live: a folder under the app, or an S3-compatible bucket. */
    disk: vine.enum(['fs', 's3']),
    /** The fs disk's folder, relative to the app root unless absolute. */
    fsRoot: vine.string().minLength(1),
    s3: vine.object({
      bucket: vine.string().optional(),
      region: vine.string().optional(),
      endpoint: vine.string().optional(),
      accessKeyId: vine.string().optional(),
      secretAccessKey: vine.string().optional(),
      forcePathStyle: vine.boolean(),
      /** Lifetime of the signed URLs GET /uploads/... redirects to. */
      signedUrlSeconds: vine.number().withoutDecimals().range([60, 604_800]),
    }),
    /** Media types accepted, decided from the bytes. */
    types: vine.array(vine.string().trim().minLength(3).maxLength(100)).minLength(1),
    maxBytes: vine
      .number()
      .withoutDecimals()
      .range([1024, 1024 ** 3]),
    quotaBytes: vine
      .number()
      .withoutDecimals()
      .range([1024, 1024 ** 4]),
    /** Images above this many pixels are refused before they are decoded. */
    maxPixels: vine.number().withoutDecimals().range([10_000, 1_000_000_000]),
    animated: vine.enum(['keep', 'refuse']),
    thumbnailSize: vine.number().withoutDecimals().range([32, 2048]),
    perUserPerMinute: vine.number().withoutDecimals().range([1, 10_000]),
    unattachedTtlHours: vine.number().range([0.01, 24 * 365]),
    /** Run the prune job in web processes. */
    pruneWorker: vine.boolean(),
    pruneIntervalMs: vine.number().withoutDecimals().range([1000, 86_400_000]),
    /** Free bytes under which /health/ready warns (fs disk); unset: 5% or ten maximum uploads. */
    diskWarnFreeBytes: vine.number().withoutDecimals().min(0).optional(),
  }),
  values: () => ({
    disk: env.get('DRIVE_DISK') ?? 'fs',
    fsRoot: env.get('UPLOAD_FS_ROOT') ?? 'storage/uploads',
    s3: {
      bucket: env.get('S3_BUCKET'),
      region: env.get('S3_REGION'),
      endpoint: env.get('S3_ENDPOINT'),
      accessKeyId: env.get('S3_ACCESS_KEY_ID'),
      secretAccessKey: env.get('S3_SECRET_ACCESS_KEY')?.release(),
      forcePathStyle: env.get('S3_FORCE_PATH_STYLE') ?? false,
      signedUrlSeconds: env.get('S3_SIGNED_URL_SECONDS') ?? 3600,
    },
    types: (env.get('UPLOAD_TYPES') ?? DEFAULT_UPLOAD_TYPES.join(','))
      .split(',')
      .map((type) => type.trim().toLowerCase())
      .filter(Boolean),
    maxBytes: Math.round((env.get('UPLOAD_MAX_MB') ?? 10) * 1024 * 1024),
    quotaBytes: Math.round((env.get('UPLOAD_QUOTA_MB') ?? 200) * 1024 * 1024),
    maxPixels: Math.round((env.get('UPLOAD_MAX_MEGAPIXELS') ?? 40) * 1_000_000),
    animated: env.get('UPLOAD_ANIMATED') ?? 'keep',
    thumbnailSize: env.get('UPLOAD_THUMBNAIL_SIZE') ?? 400,
    perUserPerMinute: env.get('RATE_LIMIT_UPLOADS_PER_USER') ?? 30,
    unattachedTtlHours: env.get('UPLOAD_UNATTACHED_TTL_HOURS') ?? 24,
    pruneWorker: env.get('UPLOAD_PRUNE_WORKER') ?? true,
    pruneIntervalMs: env.get('UPLOAD_PRUNE_INTERVAL_MS') ?? 3_600_000,
    diskWarnFreeBytes: megabytesOrUndefined(env.get('UPLOAD_DISK_WARN_FREE_MB')),
  }),
})

function megabytesOrUndefined(value: number | undefined) {
  return value === undefined ? undefined : Math.round(value * 1024 * 1024)
}
