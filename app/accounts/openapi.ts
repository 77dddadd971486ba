import { defineOpenApi, route, schemas, shape } from '#core/openapi/openapi_fragment'
import * as v from '#accounts/validators/account_validators'
import { userShape } from '#accounts/transformers/user_transformer'
import type { TokenPair } from '#accounts/actions/issue_token_pair'
import { createApiTokenValidator } from '#accounts/validators/api_token_validators'
import { apiTokenShapes } from '#accounts/transformers/api_token_transformer'
import { profileShape } from '#accounts/transformers/profile_json'
import { profileFields } from '#accounts/services/profile_fields'

const auth = true

/** OpenAPI of the accounts plugin's routes (app/accounts/routes.ts). */
export default defineOpenApi({
  prefix: '/api/v1',
  tag: { name: 'accounts', description: 'Sign-up, login, tokens and the own profile' },
  params: { id: schemas.id, name: { type: 'string', minLength: 1, maxLength: 100 } },
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
    // Personal API tokens: a login's access token only (an API token gets 403).
    'POST /user/tokens': route('Create a personal API token (its secret is shown only here)', {
      auth,
      description:
        'Needs the access token of a login: a request with an API token gets 403 E_LOGIN_REQUIRED. ' +
        'At most 100 tokens per account (409 E_TOO_MANY_TOKENS).',
      body: createApiTokenValidator,
      notes: {
        abilities: '"read": GET requests only; "write": every request (reads included)',
        expires_in_days: 'Left out: no expiry date (the token still stops after long disuse)',
      },
      201: 'NewApiToken',
      errors: [409, 429],
    }),
    'GET /user/tokens': route('The own personal API tokens, newest first (never the secrets)', {
      auth,
      200: 'ApiToken[]',
    }),
    'DELETE /user/tokens/{id}': route('Delete an own personal API token', { auth, 204: null }),

    // Password reset and email verification.
    'POST /user/password/forgot': route('Ask for a password reset link by mail', {
      description:
        'Always 202 with the same body, whether an account has the address or not; the mail (if any) is sent in the background.',
      body: v.forgotPasswordValidator,
      202: 'MailQueued',
      errors: [429],
    }),
    'POST /user/password/reset': route('Set a new password with the token of a reset link', {
      description:
        'Ends every session of the account (access and refresh tokens). A spent, expired or unknown token answers 400 E_INVALID_TOKEN.',
      body: v.resetPasswordValidator,
      notes: { token: 'the `token` query parameter of the link in the mail' },
      204: null,
      errors: [429],
    }),
    'POST /user/email/verify': route(
      'Verify an email address with the token of a verification link',
      {
        description:
          'Marks the address verified, or completes a pending email change (409 when another account took the address meanwhile). A spent, expired or unknown token answers 400 E_INVALID_TOKEN.',
        body: v.verifyEmailValidator,
        notes: { token: 'the `token` query parameter of the link in the mail' },
        204: null,
        errors: [409, 429],
      }
    ),
    'POST /user/email/verification': route('Send the verification link again', {
      description:
        'To the pending address of an email change, else to the account address while it is unverified; 409 E_EMAIL_ALREADY_VERIFIED when there is nothing to verify.',
      auth,
      202: 'MailQueued',
      errors: [409, 429],
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
    ...apiTokenShapes,
    TokenPair: shape<TokenPair>({
      token_type: { const: 'bearer' },
      access_token: schemas.string,
      expires_in: schemas.id,
      refresh_token: schemas.string,
      username: schemas.string,
    }),
    MailQueued: shape<{ message: string }>({ message: schemas.string }),
    // A getter: plugins register their profile fields in their providers' start(), before
    // the document is built.
    get Profile() {
      return profileShape(profileFields)
    },
  },
})
