import { defineOpenApi, empty, json, op, ref, schemas } from '#core/openapi/openapi_fragment'

const name = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[\\p{L}\\p{N}]+$' }
const email = { type: 'string', format: 'email', maxLength: 254 }
const password = { type: 'string', minLength: 8, maxLength: 255, pattern: '^\\S+$' }
const tag = 'accounts'

/** OpenAPI of the accounts plugin's routes (app/accounts/routes.ts). */
export default defineOpenApi({
  tags: [{ name: tag, description: 'Sign-up, login, tokens and the own profile' }],
  paths: {
    '/api/v1/user': {
      post: op({
        tag,
        summary: 'Sign up',
        body: schemas.object({
          name,
          email,
          password,
          password_confirmation: { type: 'string' },
        }),
        responses: { 201: json('The new account', ref('User')) },
        errors: [409, 429],
      }),
      put: op({
        tag,
        summary: 'Change the own name or email',
        auth: true,
        body: schemas.object({ name, email }, ['name', 'email']),
        responses: { 200: json('The account', ref('User')) },
        errors: [409],
      }),
      delete: op({
        tag,
        summary: 'Delete the own account (personal data erased, posts stay)',
        auth: true,
        body: schemas.object({ current_password: schemas.text(255) }),
        responses: { 204: empty() },
      }),
    },
    '/api/v1/user/login': {
      post: op({
        tag,
        summary: 'Log in with name or email (JSON or form body)',
        body: schemas.object({ username: schemas.text(254), password: schemas.text(255) }),
        form: true,
        responses: { 200: json('A token pair', ref('TokenPair')) },
        errors: [401, 403, 429],
      }),
    },
    '/api/v1/user/token': {
      post: op({
        tag,
        summary: 'Rotate a refresh token (a spent one revokes its family)',
        body: schemas.object({ refresh_token: schemas.text(512) }),
        responses: { 200: json('A new token pair', ref('TokenPair')) },
        errors: [401, 403, 429],
      }),
    },
    '/api/v1/user/logout': {
      post: op({
        tag,
        summary: 'Revoke a refresh token',
        auth: true,
        body: schemas.object({ refresh_token: schemas.text(512) }),
        responses: { 204: empty() },
      }),
    },
    '/api/v1/user/me': {
      get: op({
        tag,
        summary: 'The own account',
        auth: true,
        responses: { 200: json('The account', ref('User')) },
      }),
    },
    '/api/v1/user/password': {
      put: op({
        tag,
        summary: 'Change the password (other sessions are revoked)',
        auth: true,
        body: schemas.object({
          current_password: schemas.text(255),
          password,
          password_confirmation: { type: 'string' },
        }),
        responses: { 204: empty() },
      }),
    },
  },
  schemas: {
    User: {
      ...schemas.object({
        id: schemas.id,
        name: { type: 'string' },
        email: { type: 'string' },
        role: { enum: ['admin', 'moderator', 'user'] },
        created_at: schemas.dateTime,
      }),
      additionalProperties: false,
    },
    TokenPair: {
      ...schemas.object({
        token_type: { const: 'bearer' },
        access_token: { type: 'string' },
        expires_in: { type: 'integer', minimum: 1 },
        refresh_token: { type: 'string' },
        username: { type: 'string' },
      }),
      additionalProperties: false,
    },
  },
})
