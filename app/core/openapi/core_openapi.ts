import { defineOpenApi, json, op, schemas } from '#core/openapi/openapi_fragment'

/** The core's own routes: operations and these docs. */
export default defineOpenApi({
  tags: [{ name: 'operations', description: 'Health, readiness and API documentation' }],
  paths: {
    '/health': {
      get: op({
        tag: 'operations',
        summary: 'Liveness: the process answers (no dependency touched)',
        responses: {
          200: json('Alive', schemas.object({ status: { const: 'ok' } })),
        },
      }),
    },
    '/health/ready': {
      get: op({
        tag: 'operations',
        summary: 'Readiness: database, and Redis when a store uses it',
        responses: {
          200: json('Ready', { $ref: '#/components/schemas/Readiness' }),
          503: json('A check failed; errors name it', { $ref: '#/components/schemas/Readiness' }),
        },
      }),
    },
    '/ping': {
      get: op({
        tag: 'operations',
        summary: 'Ping',
        responses: { 200: json('Pong', schemas.object({ pong: { const: true } })) },
      }),
    },
    '/metrics': {
      get: op({
        tag: 'operations',
        summary:
          'Prometheus metrics (text format); needs `Authorization: Bearer <METRICS_TOKEN>` when that is set',
        responses: {
          200: {
            description: 'Prometheus exposition format',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
        errors: [401],
      }),
    },
    '/docs': {
      get: op({
        tag: 'operations',
        summary: 'This documentation, readable (Swagger UI served from this app)',
        responses: {
          200: {
            description: 'HTML page',
            content: { 'text/html': { schema: { type: 'string' } } },
          },
        },
      }),
    },
    '/docs/openapi.json': {
      get: op({
        tag: 'operations',
        summary: 'This OpenAPI 3.1 document',
        responses: {
          200: json('The document', { type: 'object', required: ['openapi', 'paths'] }),
        },
      }),
    },
    '/docs/assets/{file}': {
      get: op({
        tag: 'operations',
        summary: 'Static files of the documentation page',
        params: { file: { type: 'string' } },
        responses: { 200: { description: 'The file' } },
        errors: [404],
      }),
    },
  },
  schemas: {
    Readiness: {
      type: 'object',
      required: ['status', 'checks'],
      properties: {
        status: { enum: ['ok', 'error'] },
        checks: schemas.array(
          schemas.object(
            {
              name: { type: 'string' },
              status: { type: 'string' },
              message: { type: 'string' },
            },
            ['message']
          )
        ),
        errors: schemas.array({ $ref: '#/components/schemas/ErrorItem' }),
      },
    },
  },
})
