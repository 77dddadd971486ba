import { defineOpenApi, route, schemas, shape } from '#core/openapi/openapi_fragment'
import * as v from '#accounts/validators/account_validators'
import { userShape } from '#accounts/transformers/user_transformer'
import type { TokenPair } from '#accounts/actions/issue_token_pair'
import { profileShape } from '#accounts/transformers/profile_json'
import { profileFields } from '#accounts/services/profile_fields'

const auth = true

/** OpenAPI of the accounts plugin's routes (app/accounts/routes.ts). */
export default defineOpenApi({
  prefix: '/api/v1',
  tag: { name: 'accounts', description: 'Sign-up, login, tokens and the own profile' },
  params: { name: { type: 'string', minLength: 1, maxLength: 100 } },
  routes: {
    'POST /user': route('Sign up', { body: v.signupValidator, 201: 'User', errors: [409, 429] }),
    'PUT /user': route('Change the own name or email', {
      auth,
      body: v.updateProfileValidator,
      200: 'User',
      errors: [409],
    }),
    'DELETE /user': route('Delete the own account (personal data erased, posts stay)', {
      auth,
      body: v.deleteAccountValidator,
      204: null,
    }),
    'POST /user/login': route('Log in with name or email (JSON or form body)', {
      body: v.loginValidator,
      form: true,
      200: 'TokenPair',
      errors: [401, 403, 429],
    }),
    'POST /user/token': route('Rotate a refresh token (a spent one revokes its family)', {
      body: v.refreshTokenValidator,
      200: 'TokenPair',
      errors: [401, 403, 429],
    }),
    'POST /user/logout': route('Revoke a refresh token', {
      auth,
      body: v.refreshTokenValidator,
      204: null,
    }),
    'GET /user/me': route('The own account', { auth, 200: 'User' }),
    'PUT /user/password': route('Change the password (other sessions are revoked)', {
      auth,
      body: v.changePasswordValidator,
      204: null,
    }),

    // Public profiles.
    'GET /users/{name}': route("A member's public profile (never the email)", {
      description:
        'Names compare regardless of case. Blocked, deactivated and deleted accounts answer 404. Plugins add fields of their own (the optional ones of the schema); a plugin switched off adds none.',
      200: 'Profile',
    }),
  },
  schemas: {
    User: userShape,
    TokenPair: shape<TokenPair>({
      token_type: { const: 'bearer' },
      access_token: schemas.string,
      expires_in: schemas.id,
      refresh_token: schemas.string,
      username: schemas.string,
    }),
    // A getter: plugins register their profile fields in their providers' start(), before
    // the document is built.
    get Profile() {
      return profileShape(profileFields)
    },
  },
})
