import { defineOpenApi, json, route, schemas, shape, text } from '#core/openapi/openapi_fragment'

const { string } = schemas

/** The core's own routes: operations and these docs. */
export default defineOpenApi({
  tag: { name: 'operations', description: 'Health, readiness and API documentation' },
  routes: {
    'GET /health': route('Liveness: the process answers (no dependency touched)', {
      200: json('Alive', shape({ status: { const: 'ok' } })),
    }),
    'GET /health/ready': route("Readiness: database, Redis when a store uses it, plugins' checks", {
      200: 'Readiness',
      503: json('A check failed; errors name it', schemas.ref('Readiness')),
    }),
    'GET /ping': route('Ping', { 200: json('Pong', shape({ pong: { const: true } })) }),
    'GET /metrics': route(
      'Prometheus metrics (text format); needs `Authorization: Bearer <METRICS_TOKEN>` when that is set',
      { 200: text('text/plain', 'Prometheus exposition format'), errors: [401] }
    ),
    'GET /docs': route('This documentation, readable (Swagger UI served from this app)', {
      200: text('text/html', 'HTML page'),
    }),
    'GET /docs/openapi.json': route('This OpenAPI 3.1 document', {
      200: json('The document', { type: 'object', required: ['openapi', 'paths'] }),
    }),
    'GET /docs/assets/{file}': route('Static files of the documentation page', {
      200: { description: 'The file' },
    }),
  },
  schemas: {
    Readiness: shape(
      {
        status: { enum: ['ok', 'error'] },
        checks: {
          type: 'array',
          items: shape(
            {
              name: string,
              status: { enum: ['ok', 'warning', 'error'] },
              message: string,
              details: {
                type: 'object',
                description:
                  "A check's numbers: the uploads plugin's `Upload disk` gives `disk`, `used_bytes` " +
                  '(sum of uploads.size) and on the fs disk `free_bytes`, `total_bytes` (statfs)',
                additionalProperties: { type: ['string', 'number', 'null'] },
              },
            },
            ['message', 'details']
          ),
        },
        errors: schemas.ref('ErrorItem[]'),
      },
      ['errors']
    ),
  },
})
