import { toIso } from '#core/database/to_iso'

/** "yyyy-MM-dd HH:mm" (UTC) for the panel's tables, or null. */
export function displayTime(value: Date | string | null | undefined) {
  const iso = toIso(value)
  return iso ? iso.slice(0, 16).replace('T', ' ') : null
}
