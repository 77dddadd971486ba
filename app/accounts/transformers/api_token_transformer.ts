import type { AccessToken } from '@adonisjs/auth/access_tokens'
import { API_TOKEN_ABILITIES } from '#accounts/domain/api_token_abilities'
import { schemas, shape } from '#core/openapi/openapi_fragment'

export interface ApiTokenJson {
  id: number
  name: string
  abilities: string[]
  created_at: string
  last_used_at: string | null
  expires_at: string | null
}

export interface NewApiTokenJson extends ApiTokenJson {
  token: string
}

/** A personal API token as listed: never its secret (only a hash of it is stored). */
export function apiTokenJson(token: AccessToken): ApiTokenJson {
  return {
    id: Number(token.identifier),
    name: token.name ?? '',
    abilities: token.abilities,
    created_at: token.createdAt.toISOString(),
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
    expires_at: token.expiresAt?.toISOString() ?? null,
  }
}

/** A token just created, with its secret: the only answer that ever holds it. */
export function newApiTokenJson(token: AccessToken): NewApiTokenJson {
  return { ...apiTokenJson(token), token: token.value!.release() }
}

const apiTokenProperties = {
  id: schemas.id,
  name: schemas.string,
  abilities: {
    type: 'array',
    items: { enum: API_TOKEN_ABILITIES },
    minItems: 1,
    uniqueItems: true,
  },
  created_at: schemas.dateTime,
  last_used_at: schemas.nullable(schemas.dateTime),
  expires_at: schemas.nullable(schemas.dateTime),
}

/** The shapes of the answers above in the OpenAPI document. */
export const apiTokenShapes = {
  ApiToken: shape<ApiTokenJson>(apiTokenProperties),
  NewApiToken: shape<NewApiTokenJson>({
    ...apiTokenProperties,
    token: {
      type: 'string',
      pattern: '^bct_',
      description: 'The secret: send it as `Authorization: Bearer <token>`. Shown only here.',
    },
  }),
}
