/** "1 hour", "48 hours", "30 minutes", "2 days": how long a link works, said in its mail. */
export function humanDuration(seconds: number) {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ]
  for (const [size, unit] of units) {
    // Whole days only up to a week's worth of hours; "48 hours" reads better than "2 days".
    if (seconds % size === 0 && (unit !== 'day' || seconds > 2 * 86_400)) {
      const count = seconds / size
      return `${count} ${unit}${count === 1 ? '' : 's'}`
    }
  }
  const minutes = Math.max(1, Math.round(seconds / 60))
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}
