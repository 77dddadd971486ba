/** `process.hrtime()` difference ([seconds, nanoseconds]) in seconds. */
export function hrtimeToSeconds([seconds, nanoseconds]: [number, number]) {
  return seconds + nanoseconds / 1e9
}
