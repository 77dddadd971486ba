import { crc32, deflateSync } from 'node:zlib'
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'

/**
 * A 60x40 JPEG whose EXIF says "rotate 90°" (orientation 6) and carries a
 * camera name and GPS coordinates: after upload it must be 40x60 with no
 * metadata left.
 */
export function jpegWithGps() {
  return sharp({ create: { width: 60, height: 40, channels: 3, background: 'red' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SpyCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 24/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 3/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

export function png(width = 20, height = 20) {
  return sharp({ create: { width, height, channels: 3, background: 'blue' } })
    .png()
    .toBuffer()
}

/** A two-frame 10x10 GIF. */
export async function animatedGif() {
  const frame = (background: string) =>
    sharp({ create: { width: 10, height: 10, channels: 3, background } })
      .png()
      .toBuffer()
  return sharp([await frame('green'), await frame('red')], { join: { animated: true } })
    .gif()
    .toBuffer()
}

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A few hundred bytes of valid PNG header claiming 100000 x 100000 pixels (a decompression bomb). */
export function pngBomb() {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(100_000, 0)
  header.writeUInt32BE(100_000, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A minimal PDF. */
export function pdf() {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
  )
}

/** The start of a Windows executable. */
export function exe() {
  const bytes = Buffer.alloc(512)
  bytes.write('MZ', 0, 'latin1')
  bytes.writeUInt32LE(0x80, 0x3c)
  bytes.write('PE\0\0', 0x80, 'latin1')
  return bytes
}

/** A PNG signature followed by junk: claims to be an image, is not one. */
export function fakePng() {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(400),
  ])
}
