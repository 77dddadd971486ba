/** Image types sharp decodes, cleans and thumbnails. */
export const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp'])

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
}

/** The extension a stored file of this type gets (the sniffer's when it is not a common one). */
export function extensionFor(type: string, sniffed?: string) {
  return EXTENSIONS[type] ?? sniffed ?? 'bin'
}

const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' }

/** A Content-Type header's media type, lower case, without parameters. */
export function normalizeType(header: string | undefined) {
  const type = (header ?? '').split(';')[0].trim().toLowerCase()
  return ALIASES[type] ?? type
}

/**
 * Whether the type a client declared for a file contradicts its bytes: a
 * PDF sent as image/png is disguised. Generic declarations
 * (application/octet-stream, none) say nothing, and text/* fits plain text.
 */
export function contradicts(declared: string, actual: string) {
  if (!declared || declared === 'application/octet-stream') return false
  if (actual === 'text/plain') return !declared.startsWith('text/')
  return declared !== actual
}

/** Content-Disposition of a served file: images inline, everything else downloaded. */
export function contentDisposition(type: string, name: string | null) {
  const kind = IMAGE_TYPES.has(type) ? 'inline' : 'attachment'
  if (!name) return kind
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
