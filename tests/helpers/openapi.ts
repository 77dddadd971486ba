import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { openApiDocument } from '#core/controllers/docs_controller'

type Doc = Awaited<ReturnType<typeof openApiDocument>>

/**
 * Validates real answers against the OpenAPI document with a JSON Schema
 * 2020-12 validator: the schema of the documented status of that path
 * and method, with the document's components resolvable.
 */
export async function openApiValidator() {
  const doc: Doc = await openApiDocument()
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  ajv.addSchema({ $id: 'openapi', components: doc.components }, 'openapi')

  const resolve = (item: any): any =>
    item?.$ref?.startsWith('#/components/responses/')
      ? (doc.components.responses as any)[item.$ref.split('/').pop()]
      : item

  return {
    doc,
    /** Throws with the validator's errors when the body does not match. */
    check(method: string, path: string, status: number, body: unknown) {
      const operation = (doc.paths as any)[path]?.[method.toLowerCase()]
      if (!operation) throw new Error(`${method} ${path} is not documented`)
      const answer = resolve(operation.responses[String(status)])
      if (!answer) throw new Error(`${method} ${path} does not document status ${status}`)
      const schema = answer.content?.['application/json']?.schema
      if (!schema) {
        if (body !== undefined && body !== '' && Object.keys(body ?? {}).length)
          throw new Error(`${method} ${path} ${status} documents no body`)
        return
      }
      const rewritten = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')
      )
      const validate = ajv.compile(rewritten)
      if (!validate(body)) {
        throw new Error(
          `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`
        )
      }
    },
  }
}

export interface RequestProbe {
  method: string
  /** The documented path, and the URL with its parameters filled in. */
  path: string
  url: string
  auth: boolean
  query?: Record<string, unknown>
  body?: Record<string, unknown>
  /** The field the 422 must name; undefined for the valid request, which must not get a 422. */
  field?: string
  why: string
}

/**
 * Requests derived from the documented request schemas of the JSON API
 * (bodies and query strings): for each field, requests that break one documented rule (left out
 * though required, past a length or a bound, outside an enum, a format or
 * a pattern), then a valid request with the required fields. If the validator a route really uses disagrees with what the
 * document says, one of them gets the wrong answer.
 */
export function requestProbes(doc: Doc, password: string): RequestProbe[] {
  const probes: RequestProbe[] = []
  for (const [path, item] of Object.entries(doc.paths as Record<string, any>)) {
    for (const [method, operation] of Object.entries(item as Record<string, any>)) {
      const url = path.replace(/\{(\w+)\}/g, (_, name) => {
        const parameter = operation.parameters.find((p: any) => p.in === 'path' && p.name === name)
        return parameter.schema.type === 'integer' ? '999999999' : 'nothing-here'
      })
      const base = { method: method.toUpperCase(), path, url, auth: Boolean(operation.security) }
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema
      const queries = (operation.parameters ?? []).filter((p: any) => p.in === 'query')
      if (!bodySchema && !queries.length) continue
      const schema = bodySchema ?? {
        properties: Object.fromEntries(queries.map((p: any) => [p.name, p.schema])),
        required: queries.filter((p: any) => p.required).map((p: any) => p.name),
      }
      const where = bodySchema ? 'body' : 'query'
      const valid = Object.fromEntries(
        schema.required.map((name: string) => [name, example(schema.properties[name], password)])
      )
      for (const [name, field] of Object.entries(schema.properties as Record<string, any>)) {
        for (const [value, why] of breaking(field)) {
          probes.push({ ...base, [where]: { ...valid, [name]: value }, field: name, why })
        }
        if (schema.required.includes(name)) {
          const rest = Object.entries(valid).filter(([key]) => key !== name)
          probes.push({ ...base, [where]: Object.fromEntries(rest), field: name, why: 'left out' })
        }
      }
      // Last, as it may spend the session (a password change, an account deletion).
      probes.push({ ...base, [where]: valid, why: 'the required fields, valid' })
    }
  }
  return probes
}

const matches = (schema: any, value: string) =>
  !schema.pattern || new RegExp(schema.pattern, 'u').test(value)

/** A value the field's schema accepts (the test user's password where it fits). */
function example(schema: any, password: string): unknown {
  if (schema.type === 'array') return [example(schema.items, password)]
  if (schema.enum) return schema.enum[0]
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1
  if (schema.format === 'email') return 'probe@example.com'
  return [password, 'probe1234'].find((value) => matches(schema, value))
}

/** Values that break one rule of the field's schema, with the rule. */
function breaking(schema: any): [unknown, string][] {
  const values: [unknown, string][] = []
  if (schema.maxLength) values.push(['a'.repeat(schema.maxLength + 1), 'longer than maxLength'])
  if (schema.minLength > 1) values.push(['a'.repeat(schema.minLength - 1), 'below minLength'])
  if (schema.maximum !== undefined) values.push([schema.maximum + 1, 'above maximum'])
  if (schema.minimum !== undefined) values.push([schema.minimum - 1, 'below minimum'])
  if (schema.enum) values.push(['not-one-of-them', 'outside the enum'])
  if (schema.minItems) values.push([[], 'fewer items than minItems'])
  if (schema.uniqueItems && schema.items?.enum) {
    values.push([[schema.items.enum[0], schema.items.enum[0]], 'a repeated item'])
  }
  if (schema.format === 'email') values.push(['not-an-email', 'not an email'])
  const unmatched = ['a b', 'a-b', 'a.b'].find((value) => !matches(schema, value))
  if (schema.pattern && unmatched) values.push([unmatched, 'not matching the pattern'])
  return values
}
