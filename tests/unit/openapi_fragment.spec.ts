import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { defineOpenApi, route, shape } from '#core/openapi/openapi_fragment'
import { requestSchema } from '#core/openapi/request_schema'

const signup = vine.create({
  name: vine.string().maxLength(10),
  password: vine.string().minLength(8).confirmed(),
  pin: vine.string().fixedLength(4).confirmed({ as: 'pin_again' }),
  nickname: vine.string().optional(),
})

test.group('OpenAPI request schemas', () => {
  test('come from the validator, with the field a confirmed() rule compares with', ({ assert }) => {
    const schema = requestSchema(signup)
    assert.deepEqual(schema.properties.name, { type: 'string', maxLength: 10 })
    assert.deepEqual(schema.properties.password_confirmation, {
      type: 'string',
      minLength: 8,
      description: 'Must equal password',
    })
    assert.deepEqual(schema.properties.pin_again, {
      ...schema.properties.pin,
      description: 'Must equal pin',
    })
    assert.deepEqual(schema.required, [
      'name',
      'password',
      'pin',
      'password_confirmation',
      'pin_again',
    ])
    // The validator's own (cached) schema is left as it was.
    assert.notProperty((signup.toJSONSchema() as any).properties, 'password_confirmation')
  })

  test('notes describe fields, and only fields the validator has', ({ assert }) => {
    const schema = requestSchema(signup, { name: 'Shown to others' })
    assert.deepEqual(schema.properties.name, {
      type: 'string',
      maxLength: 10,
      description: 'Shown to others',
    })
    assert.throws(() => requestSchema(signup, { nick: 'typo' }), /"nick", not a field/)
  })

  test('route() fills in the body, query, auth and error answers', ({ assert }) => {
    const fragment = defineOpenApi({
      prefix: '/api',
      tag: { name: 'things' },
      params: { id: { type: 'integer' } },
      routes: {
        'PUT /thing/{id}': route('Edit', { auth: true, body: signup, form: true, 200: 'Thing' }),
        'GET /things': route('List', { query: vine.create({ q: vine.string() }), 200: 'Thing[]' }),
      },
      schemas: { Thing: shape<{ id: number }>({ id: { type: 'integer' } }) },
    })
    const put = fragment.paths['/api/thing/{id}'].put
    assert.deepEqual(put.tags, ['things'])
    assert.deepEqual(put.security, [{ bearer: [] }])
    assert.deepEqual(put.parameters, [
      { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
    ])
    assert.deepEqual(put.requestBody.content['application/json'].schema, requestSchema(signup))
    assert.property(put.requestBody.content, 'application/x-www-form-urlencoded')
    assert.deepEqual(Object.keys(put.responses), [
      '200',
      '400',
      '401',
      '403',
      '404',
      '413',
      '422',
      '503',
    ])
    assert.deepEqual(put.responses[200].content['application/json'].schema, {
      $ref: '#/components/schemas/Thing',
    })
    const list = fragment.paths['/api/things'].get
    assert.deepEqual(list.parameters, [
      {
        name: 'q',
        in: 'query',
        required: true,
        description: undefined,
        schema: { type: 'string' },
      },
    ])
    assert.deepEqual(list.responses[200].content['application/json'].schema, {
      type: 'array',
      items: { $ref: '#/components/schemas/Thing' },
    })
    assert.deepEqual(Object.keys(list.responses), ['200', '422', '503'])
  })
})
