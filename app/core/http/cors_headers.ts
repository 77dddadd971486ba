import type { CorsConfig } from '@adonisjs/cors/types'

/**
 * The headers @adonisjs/cors adds to a simple (non-preflight) request from
 * `origin`, computed from the same config. `undefined` when the config
 * decides per request (functions need the HttpContext): the caller then
 * leaves the request to the framework.
 */
export function corsHeadersFor(
  config: CorsConfig,
  origin: string
): Record<string, string> | undefined {
  if (typeof config.enabled === 'function' || typeof config.origin === 'function') return undefined
  if (!config.enabled) return {}
  const allowed = allowedOrigin(config, origin)
  if (!allowed) return {}
  const headers: Record<string, string> = { 'access-control-allow-origin': allowed }
  if (config.credentials === true) headers['access-control-allow-credentials'] = 'true'
  const exposed = config.exposeHeaders.map((header) => header.toLowerCase())
  // The package sends the list only when it names more than the CORS-safelisted headers.
  if (exposed.some((header) => !SAFELISTED.has(header))) {
    headers['access-control-expose-headers'] = exposed.join(',')
  }
  return headers
}

const SAFELISTED = new Set([
  'cache-control',
  'content-language',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
])

function allowedOrigin(config: CorsConfig, origin: string) {
  const allowed = config.origin as boolean | string | string[]
  if (allowed === true) return origin
  if (allowed === false) return null
  if (allowed === '*') return config.credentials === true ? origin : '*'
  const list = Array.isArray(allowed) ? allowed : allowed.split(',')
  return list.includes(origin) ? origin : null
}
