/** Only absolute http(s) URLs without credentials; anything else is a reason string. */
export function webhookUrlProblem(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'The URL is not valid'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The URL must use http or https'
  if (url.username || url.password) return 'The URL must not contain credentials'
  if (value.length > 2048) return 'The URL must be at most 2048 characters'
  return null
}
