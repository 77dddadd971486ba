import { queryParameters, requestSchema, type Validator } from '#core/openapi/request_schema'

/**
 * The OpenAPI 3.1 part of a plugin; app/core merges those of the plugins
 * switched on. A route names its validators (request schemas come from
 * them) and the shapes it answers with; the rest is filled in here.
 */
export type JsonSchema = Record<string, any>
export type OpenApiOperation = { summary: string; responses: JsonSchema } & JsonSchema
type Tag = { name: string; description?: string }

/** What defineOpenApi() returns and app/core merges: plain OpenAPI. */
export interface OpenApiFragment {
  tags?: Tag[]
  paths: Record<string, Record<string, OpenApiOperation>>
  /** Named schemas (answer shapes); names are unique across plugins. */
  schemas?: Record<string, JsonSchema>
}

export function defineOpenApi(spec: {
  /** Of every path below, as a router group's prefix. */
  prefix?: string
  tag: Tag
  /** Schemas of path parameters by name; any other is a string. */
  params?: Record<string, JsonSchema>
  /** `'GET /post/{id}': route(...)`: method and path as the router has them. */
  routes: Record<string, OpenApiOperation>
  schemas?: Record<string, JsonSchema>
}): OpenApiFragment {
  const paths: OpenApiFragment['paths'] = {}
  for (const [key, { parameters = [], ...operation }] of Object.entries(spec.routes)) {
    const [method, rest] = key.split(' ')
    const path = (spec.prefix ?? '') + rest
    const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
      return { name, in: 'path', required: true, schema: spec.params?.[name] ?? { type: 'string' } }
    })
    const responses = { ...operation.responses }
    // A path parameter may name nothing: 404, where errors are answered in the shared shape.
    const sharedErrors = Object.values(responses).some((answer) =>
      answer.$ref?.startsWith('#/components/responses/')
    )
    if (inPath.length && sharedErrors) responses[404] ??= errorRef(404)
    const complete: OpenApiOperation = { tags: [spec.tag.name], ...operation, responses }
    if (inPath.length || parameters.length) complete.parameters = [...inPath, ...parameters]
    paths[path] = { ...paths[path], [method.toLowerCase()]: complete }
  }
  return { tags: [spec.tag], paths, schemas: spec.schemas }
}

/** Error answers shared by every plugin (components.responses, all in the error shape). */
export const ERROR_STATUSES = {
  400: 'Malformed body',
  401: 'Missing, invalid or expired credentials',
  403: 'Authenticated but not allowed (including blocked users)',
  404: 'Missing or soft-deleted resource',
  409: 'Conflict with the current state (duplicate, delete refused)',
  413: 'Body larger than 1 MB',
  422: 'Invalid input, or content refused by a plugin hook (E_CONTENT_REFUSED)',
  423: 'Locked by a moderator (E_LOCKED)',
  429: 'Rate limited; see Retry-After',
  503: 'A dependency is down',
} as const
export type ErrorStatus = keyof typeof ERROR_STATUSES
const errorRef = (status: ErrorStatus) => ({ $ref: `#/components/responses/Error${status}` })

export interface RouteSpec {
  description?: string
  /** Needs `Authorization: Bearer <access token>` (adds 401, and 403 for blocked users). */
  auth?: boolean
  /** The validator of the JSON body (adds 400, 413 and 422); `form`: also urlencoded. */
  body?: Validator
  form?: boolean
  /** The validator of the query string, one parameter per field (adds 422). */
  query?: Validator
  /** Descriptions of request fields, for what a validator's schema cannot say. */
  notes?: Record<string, string>
  /** Error answers beyond those above, 503, and 404 for a path with parameters. */
  errors?: ErrorStatus[]
  /** Answers: a shape name ('Post', 'Post[]'), null for no body, or a response object. */
  [status: number]: string | null | { description: string }
}

/** One operation: `route('A post', { 200: 'Post' })`. */
export function route(summary: string, spec: RouteSpec): OpenApiOperation {
  const { description, auth, body, form, query, notes, errors = [], ...answers } = spec
  const operation: OpenApiOperation = { summary, description, responses: {} }
  if (auth) operation.security = [{ bearer: [] }]
  if (query) operation.parameters = queryParameters(query, notes)
  if (body) {
    const schema = requestSchema(body, notes)
    const content: JsonSchema = { 'application/json': { schema } }
    if (form) content['application/x-www-form-urlencoded'] = { schema }
    operation.requestBody = { required: true, content }
  }
  for (const [status, answer] of Object.entries(answers)) {
    operation.responses[status] =
      typeof answer === 'string' ? json(answer, schemas.ref(answer)) : (answer ?? empty)
  }
  const statuses: number[] = [...errors, 503]
  if (body) statuses.push(400, 413, 422)
  if (query) statuses.push(422)
  if (auth) statuses.push(401, 403)
  for (const status of statuses) operation.responses[status] ??= errorRef(status as ErrorStatus)
  return operation
}

const empty = { description: 'Done, no content' }

/** A JSON answer with a schema. */
export function json(description: string, schema: JsonSchema) {
  return { description, content: { 'application/json': { schema } } }
}

/** A non-JSON answer ('text/csv', 'text/html', ...). */
export function text(type: string, description: string) {
  return { description, content: { [type]: { schema: { type: 'string' } } } }
}

/** Property schemas of answer shapes. */
export const schemas = {
  id: { type: 'integer', minimum: 1 } as JsonSchema,
  count: { type: 'integer', minimum: 0 } as JsonSchema,
  string: { type: 'string' } as JsonSchema,
  dateTime: { type: 'string', format: 'date-time' } as JsonSchema,
  nullable: (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] }),
  /** A named schema, 'Post', or a list of them, 'Post[]'. */
  ref(name: string): JsonSchema {
    const item = { $ref: `#/components/schemas/${name.replace(/\[\]$/, '')}` }
    return name.endsWith('[]') ? { type: 'array', items: item } : item
  },
}

/**
 * An answer shape: a closed object, every property required but `optional`.
 * Typed by the JSON it describes (`shape<PostJson>`), a field the producer
 * has and the shape lacks fails the type check (and, written inline, the
 * reverse); real answers are checked against the shape by the tests.
 */
export function shape<T extends object>(
  properties: { [K in keyof T]-?: JsonSchema },
  optional: (keyof T)[] = []
): JsonSchema {
  const required = Object.keys(properties).filter((key) => !optional.includes(key as keyof T))
  return { type: 'object', properties, required, additionalProperties: false }
}
