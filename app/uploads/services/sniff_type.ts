import { open } from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'

const CHUNK = 64 * 1024

/**
 * The media type of a file from its bytes (`file-type`'s signatures), or
 * text/plain for non-empty valid UTF-8 without NUL bytes; null when
 * neither. The client's name and header play no part.
 */
export async function sniffType(
  path: string
): Promise<{ type: string; extension?: string } | null> {
  const found = await fileTypeFromFile(path)
  if (found) return { type: found.mime, extension: found.ext }
  return (await isPlainText(path)) ? { type: 'text/plain', extension: 'txt' } : null
}

async function isPlainText(path: string) {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const file = await open(path)
  try {
    const buffer = Buffer.alloc(CHUNK)
    let total = 0
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK)
      if (bytesRead === 0) break
      total += bytesRead
      const chunk = buffer.subarray(0, bytesRead)
      if (chunk.includes(0)) return false
      decoder.decode(chunk, { stream: true })
    }
    decoder.decode()
    return total > 0
  } catch {
    return false
  } finally {
    await file.close()
  }
}
