const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB']

/** "1.4 MB" (powers of 1024, as UPLOAD_MAX_MB and UPLOAD_QUOTA_MB count). */
export function formatBytes(bytes: number) {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const rounded = unit === 0 || value >= 100 ? Math.round(value) : Math.round(value * 10) / 10
  return `${rounded} ${UNITS[unit]}`
}
