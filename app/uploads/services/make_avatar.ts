import { stat } from 'node:fs/promises'
import sharp from 'sharp'
import { UploadRefusal } from '#uploads/domain/upload_refusal'
import { AVATAR_SIZES, type AvatarSize } from '#uploads/domain/avatar_sizes'
import { readImageHeader, type ImageLimits } from '#uploads/services/process_image'
import { removeQuietly, tempPath } from '#uploads/services/receive_file'

export interface AvatarFiles {
  /** A temporary WebP file per size. */
  paths: Map<AvatarSize, string>
  /** Bytes of all of them. */
  size: number
}

/**
 * Square WebP pictures at every AVATAR_SIZES from an uploaded image: the
 * EXIF orientation applied, centre-cropped to a square ("cover"), enlarged
 * when smaller, metadata dropped (sharp writes none unless asked). The
 * header is read first (a decompression bomb is refused before decoding);
 * an animation keeps its first frame, as Discourse does by default.
 */
export async function makeAvatar(
  source: string,
  limits: Pick<ImageLimits, 'maxPixels'>
): Promise<AvatarFiles> {
  await readImageHeader(source, { maxPixels: limits.maxPixels, animated: 'keep' })
  const paths = new Map<AvatarSize, string>()
  try {
    let size = 0
    for (const side of AVATAR_SIZES) {
      const path = await tempPath('.webp')
      paths.set(side, path)
      await sharp(source, { limitInputPixels: limits.maxPixels, failOn: 'error' })
        .rotate()
        .resize(side, side, { fit: 'cover', position: 'centre' })
        .webp({ quality: 85 })
        .toFile(path)
      const written = await stat(path)
      size += written.size
    }
    return { paths, size }
  } catch (error) {
    await removeQuietly(...paths.values())
    throw UploadRefusal.unsupported('unreadable', 'The image could not be read')
  }
}
