import type { JsonSchema } from '#core/openapi/openapi_fragment'

/** What is read of a compiled VineJS validator (`vine.create(...)`), from any copy of the package. */
export interface Validator {
  toJSONSchema(): object
  toJSON(): { schema: unknown; refs: unknown }
}

type Field = { fieldName: string; validations: { name: string; ruleFnId: string }[] }
type Refs = Record<string, { options?: { as?: string; confirmationField?: string } }>

/**
 * The JSON Schema of what a validator accepts, from VineJS itself, plus the
 * one thing `toJSONSchema()` leaves out: the field a `confirmed()` rule
 * compares with. `notes` describe fields (a rule the schema cannot say);
 * a note for a field the validator does not have is a mistake.
 */
export function requestSchema(validator: Validator, notes: Record<string, string> = {}) {
  // toJSONSchema() caches its answer: change a copy.
  const schema: JsonSchema = structuredClone(validator.toJSONSchema())
  const { schema: root, refs } = validator.toJSON() as { schema: any; refs: Refs }
  for (const field of (root.schema.properties ?? []) as Field[]) {
    for (const rule of field.validations.filter(({ name }) => name === 'confirmed')) {
      const options = refs[rule.ruleFnId].options
      const other = options?.as ?? options?.confirmationField ?? `${field.fieldName}_confirmation`
      const description = `Must equal ${field.fieldName}`
      schema.properties[other] = { ...schema.properties[field.fieldName], description }
      schema.required.push(other)
    }
  }
  for (const [name, description] of Object.entries(notes)) {
    if (!schema.properties?.[name]) throw new Error(`OpenAPI: a note for "${name}", not a field`)
    schema.properties[name] = { ...schema.properties[name], description }
  }
  return schema
}

/** One query parameter per field of the validator. */
export function queryParameters(validator: Validator, notes?: Record<string, string>) {
  const { properties, required } = requestSchema(validator, notes)
  return Object.entries(properties as JsonSchema).map(([name, { description, ...schema }]) => {
    return { name, in: 'query', required: required.includes(name), description, schema }
  })
}
