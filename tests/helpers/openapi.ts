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
