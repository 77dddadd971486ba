/**
 * OpenAPI 3.1 pieces a plugin keeps beside its routes. app/core merges the
 * fragments of the plugins that are switched on into one document. The
 * helpers keep a fragment short: path parameters, auth and the shared
 * error answers are filled in from a few words.
 */
export type JsonSchema = Record<string, unknown>

export interface OpenApiOperation {
  tags?: string[]
  summary: string
  description?: string
  operationId?: string
  security?: Record<string, string[]>[]
  parameters?: Record<string, unknown>[]
  requestBody?: Record<string, unknown>
  responses: Record<string, unknown>
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

export interface OpenApiFragment {
  tags?: { name: string; description?: string }[]
  /** OpenAPI paths ("/api/v1/post/{id}"), full paths as the router has them. */
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>
  /** Named schemas, referenced with ref("Name"). Names must be unique across plugins. */
  schemas?: Record<string, JsonSchema>
}

export function defineOpenApi(fragment: OpenApiFragment): OpenApiFragment {
  return fragment
}

/** A reference to a named schema in components.schemas. */
export function ref(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` }
}

/** A JSON answer with a schema. */
export function json(description: string, schema: JsonSchema) {
  return { description, content: { 'application/json': { schema } } }
}

/** An answer without a body (204). */
export function empty(description = 'Done, no content') {
  return { description }
}

/** Error answers shared by every plugin: components.responses, all in the error shape. */
export const ERROR_STATUSES = {
  400: 'Malformed body',
  401: 'Missing, invalid or expired credentials',
  403: 'Authenticated but not allowed (including blocked users)',
  404: 'Missing or soft-deleted resource',
  409: 'Conflict with the current state (duplicate, delete refused)',
  413: 'Body larger than 1 MB',
  422: 'Invalid input, or content refused by a plugin hook (E_CONTENT_REFUSED)',
  429: 'Rate limited; see Retry-After',
  503: 'A dependency is down',
} as const

export type ErrorStatus = keyof typeof ERROR_STATUSES

export interface OperationSpec {
  tag: string
  summary: string
  description?: string
  /** Requires `Authorization: Bearer <access token>` (adds 401 and 403). */
  auth?: boolean
  /** Types of path parameters; every `{name}` in the path must be listed. */
  params?: Record<string, JsonSchema>
  query?: Record<string, JsonSchema & { required?: boolean; description?: string }>
  /** A JSON request body schema. */
  body?: JsonSchema
  /** Also accepted as application/x-www-form-urlencoded. */
  form?: boolean
  responses: Record<string, unknown>
  /** Error answers this route gives beyond the defaults (400 and 413 with a body, 401 with auth). */
  errors?: ErrorStatus[]
}

const errorRef = (status: ErrorStatus) => ({ $ref: `#/components/responses/Error${status}` })

/** Builds an operation from a short spec. */
export function op(spec: OperationSpec): OpenApiOperation {
  const parameters: Record<string, unknown>[] = []
  for (const [name, schema] of Object.entries(spec.params ?? {})) {
    parameters.push({ name, in: 'path', required: true, schema })
  }
  for (const [name, { required, description, ...schema }] of Object.entries(spec.query ?? {})) {
    parameters.push({ name, in: 'query', required: Boolean(required), description, schema })
  }

  const statuses = new Set<ErrorStatus>(spec.errors ?? [])
  if (spec.body) {
    statuses.add(400)
    statuses.add(413)
    statuses.add(422)
  }
  if (spec.query && Object.keys(spec.query).length) statuses.add(422)
  if (spec.auth) {
    statuses.add(401)
    statuses.add(403) // blocked users, on every authenticated route
  }
  statuses.add(503)

  const responses: Record<string, unknown> = { ...spec.responses }
  for (const status of [...statuses].sort()) responses[String(status)] ??= errorRef(status)

  const operation: OpenApiOperation = {
    tags: [spec.tag],
    summary: spec.summary,
    responses,
  }
  if (spec.description) operation.description = spec.description
  if (spec.auth) operation.security = [{ bearer: [] }]
  if (parameters.length) operation.parameters = parameters
  if (spec.body) {
    const content: Record<string, unknown> = { 'application/json': { schema: spec.body } }
    if (spec.form) content['application/x-www-form-urlencoded'] = { schema: spec.body }
    operation.requestBody = { required: true, content }
  }
  return operation
}

/** Common schema bits. */
export const schemas = {
  id: { type: 'integer', minimum: 1 } as JsonSchema,
  dateTime: { type: 'string', format: 'date-time' } as JsonSchema,
  text: (max: number, min = 1): JsonSchema => ({ type: 'string', minLength: min, maxLength: max }),
  nullable: (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] }),
  object: (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
    type: 'object',
    properties,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
  }),
  array: (items: JsonSchema): JsonSchema => ({ type: 'array', items }),
}
