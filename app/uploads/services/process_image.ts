import { stat } from 'node:fs/promises'
import sharp from 'sharp'
import { UploadRefusal } from '#uploads/domain/upload_refusal'
import { tempPath, removeQuietly } from '#uploads/services/receive_file'
import { storageFault } from '#uploads/services/storage_fault'

export interface ImageLimits {
  maxPixels: number
  animated: 'keep' | 'refuse'
  thumbnailSize: number
}

export interface ProcessedImage {
  path: string
  size: number
  width: number
  height: number
  thumbnailPath: string
}

/** libvips' words for an output file it could not open or fill. */
const WRITE_FAILURE = /for writ|no space left|read-only file system|permission denied|disk quota/i

const FORMATS = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
} as const

/**
 * Re-encodes an uploaded image: orientation applied to the pixels, every
 * metadata block (EXIF with GPS, XMP, comments) dropped, which sharp does
 * unless asked to keep them; and a WebP thumbnail. The header is read
 * first, so a decompression bomb is refused before a pixel is decoded.
 */
export async function processImage(
  source: string,
  type: keyof typeof FORMATS,
  limits: ImageLimits
): Promise<ProcessedImage> {
  const { height, animated } = await readImageHeader(source, limits)

  const path = await tempPath(`.${FORMATS[type]}`)
  const thumbnailPath = await tempPath('.webp')
  try {
    const options = { limitInputPixels: limits.maxPixels, animated, failOn: 'error' as const }
    let image = sharp(source, options)
    // A multi-page image has no EXIF orientation to apply.
    if (!animated) image = image.rotate()
    const info = await image.toFormat(FORMATS[type]).toFile(path)
    await sharp(path, { limitInputPixels: limits.maxPixels })
      .resize(limits.thumbnailSize, limits.thumbnailSize, {
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: 80 })
      .toFile(thumbnailPath)
    const { size } = await stat(path)
    const outHeight = animated ? height : info.height
    return { path, size, width: info.width, height: outHeight, thumbnailPath }
  } catch (error) {
    await removeQuietly(path, thumbnailPath)
    if (error instanceof UploadRefusal) throw error
    // The header was read: a failure to write the re-encoded copy is the server's.
    if (WRITE_FAILURE.test(String((error as Error)?.message))) throw storageFault('temp', error)
    throw UploadRefusal.unsupported('unreadable', 'The image could not be read')
  }
}

export function isProcessable(type: string): type is keyof typeof FORMATS {
  return type in FORMATS
}

/**
 * Reads an image's header only and refuses, before a pixel is decoded, an
 * unreadable image, a decompression bomb (more than `maxPixels`) and, under
 * `animated: 'refuse'`, an animation.
 */
export async function readImageHeader(
  source: string,
  limits: Pick<ImageLimits, 'maxPixels' | 'animated'>
) {
  // The header only: sharp's own pixel limit would refuse a bomb as unreadable.
  const meta = await sharp(source, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw UploadRefusal.unsupported('unreadable', 'The image could not be read')
    })
  const pages = meta.pages ?? 1
  const width = meta.width ?? 0
  const height = meta.pageHeight ?? meta.height ?? 0
  if (!width || !height)
    throw UploadRefusal.unsupported('unreadable', 'The image could not be read')
  if (width * height > limits.maxPixels) {
    throw new UploadRefusal('pixels', 'The image has too many pixels', {
      status: 422,
      code: 'E_IMAGE_TOO_LARGE',
    })
  }
  const animated = pages > 1
  if (animated && limits.animated === 'refuse') {
    throw new UploadRefusal('animated', 'Animated images are not accepted', {
      status: 422,
      code: 'E_ANIMATED_IMAGE',
    })
  }
  return { width, height, animated }
}
