import env from '#start/env'
import config from '#uploads/config'

function originOf(url: string | undefined) {
  try {
    return url ? new URL(url).origin : null
  } catch {
    return null
  }
}

/**
 * The origins an <img> of an upload loads from beside the page's own:
 * APP_URL's (upload URLs are absolute under it), and on S3 the bucket's,
 * which GET /uploads/... redirects to (a CSP's img-src checks the
 * redirect's target too). For a page's Content-Security-Policy.
 */
export function uploadImageSources(): string[] {
  const settings = config.get()
  const sources = new Set<string>()
  const app = originOf(env.get('APP_URL'))
  if (app) sources.add(app)
  if (settings.disk === 's3' && settings.s3.bucket) {
    const { bucket, region, endpoint, forcePathStyle } = settings.s3
    const origin = originOf(endpoint)
    if (origin && forcePathStyle) sources.add(origin)
    else if (origin) sources.add(`${new URL(origin).protocol}//${bucket}.${new URL(origin).host}`)
    else sources.add(`https://${bucket}.s3.${region ?? 'us-east-1'}.amazonaws.com`)
  }
  return [...sources]
}
