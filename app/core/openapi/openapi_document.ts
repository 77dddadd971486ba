import type { PluginManifest } from '#core/plugins/define_plugin'
import { ERROR_STATUSES, shape, type OpenApiFragment } from '#core/openapi/openapi_fragment'
import type { ErrorItem } from '#core/exceptions/error_body'
import { loadDefault } from '#core/plugins/load_default'
import coreOpenApi from '#core/openapi/core_openapi'

/** The error shape, the one body of every error answer. */
const errorSchemas = {
  ErrorItem: shape<ErrorItem>(
    {
      code: { type: 'string', pattern: '^E_[A-Z_]+$' },
      message: { type: 'string' },
      field: { type: 'string', description: 'Only for input errors' },
    },
    ['field']
  ),
  ErrorBody: shape({
    errors: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/ErrorItem' } },
  }),
}

/**
 * Merges the core fragment and those of the plugins switched on into one
 * OpenAPI 3.1 document. Two plugins documenting the same path and method,
 * or the same schema name, is a mistake that stops here with both names.
 */
export async function buildOpenApiDocument(
  plugins: PluginManifest[],
  info: { title: string; version: string }
) {
  const fragments: [string, OpenApiFragment][] = [['core', coreOpenApi]]
  for (const plugin of plugins) {
    if (plugin.openapi) fragments.push([plugin.name, await loadDefault(plugin.openapi)])
  }

  const paths: Record<string, Record<string, unknown>> = {}
  const schemas: Record<string, unknown> = { ...errorSchemas }
  const owners = new Map<string, string>()
  for (const [owner, fragment] of fragments) {
    for (const [path, item] of Object.entries(fragment.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const key = `${method.toUpperCase()} ${path}`
        if (owners.has(key))
          throw new Error(`OpenAPI: ${key} documented by ${owners.get(key)} and ${owner}`)
        owners.set(key, owner)
        paths[path] = { ...paths[path], [method]: operation }
      }
    }
    for (const [name, schema] of Object.entries(fragment.schemas ?? {})) {
      if (name in schemas) throw new Error(`OpenAPI: schema ${name} defined twice (${owner})`)
      schemas[name] = schema
    }
  }

  const errorBody = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } }
  const retryAfter = {
    'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' },
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'Headless board CMS. Errors always have the shape {"errors":[{"code","message","field"?}]}. ' +
        'Every response carries X-Request-Id.',
    },
    tags: fragments.flatMap(([, fragment]) => fragment.tags ?? []),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The access token of a login (a JWT), or a personal API token (bct_...; a read-only ' +
            'one gets 403 E_TOKEN_READ_ONLY on anything but GET)',
        },
      },
      schemas,
      responses: Object.fromEntries(
        Object.entries(ERROR_STATUSES).map(([status, description]) => [
          `Error${status}`,
          { description, content: errorBody, ...(status === '429' && { headers: retryAfter }) },
        ])
      ),
    },
  }
}
