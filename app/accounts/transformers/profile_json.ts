import { ROLE_NAMES } from '#accounts/models/role'
import { letterAvatar, type LetterAvatar } from '#accounts/domain/letter_avatar'
import type { PublicUser } from '#accounts/services/public_user_lookup'
import type { ProfileFieldRegistry, ProfileFieldValues } from '#accounts/services/profile_fields'
import { schemas, shape, type JsonSchema } from '#core/openapi/openapi_fragment'
import { avatarTemplateSchema } from '#accounts/transformers/user_transformer'

/** A public profile's own fields; plugins' fields (ProfileFieldRegistry) come after them. */
export interface OwnProfileJson {
  id: number
  name: string
  role: string
  created_at: string
  /** yyyy-MM-dd (UTC), or null when never seen. */
  last_seen_on: string | null
  avatar: LetterAvatar
  /** The uploaded picture's URL template with `{size}`, or null (then draw `avatar`). */
  avatar_template: string | null
}

/** The own fields, then those of the plugins' profile field sources. */
export type ProfileJson = OwnProfileJson & { [field: string]: unknown }

export function profileJson(user: PublicUser, fields: ProfileFieldValues = {}): ProfileJson {
  return {
    ...fields,
    id: user.id,
    name: user.name,
    role: user.role,
    created_at: user.createdAt,
    last_seen_on: user.lastSeenOn,
    avatar: letterAvatar(user.name),
    avatar_template: user.avatarTemplate ?? null,
  }
}

const ownShape = shape<OwnProfileJson>({
  id: schemas.id,
  name: schemas.string,
  role: { enum: ROLE_NAMES },
  created_at: schemas.dateTime,
  last_seen_on: {
    ...schemas.nullable({ type: 'string', format: 'date' }),
    description: 'The UTC day of the last login or authenticated request; null when never seen',
  },
  avatar: shape<LetterAvatar>({
    url: {
      ...schemas.nullable(schemas.string),
      description:
        'Always null: an uploaded picture is `avatar_template`; draw the letter on the colour when that is null',
    },
    letter: { ...schemas.string, description: 'The first character of the name, upper case' },
    color: {
      type: 'string',
      pattern: '^#[0-9a-f]{6}$',
      description: 'Background for white text, fixed by the name',
    },
  }),
  avatar_template: avatarTemplateSchema,
})

/**
 * The Profile shape: the own fields, and those the registered plugins add
 * (read when the document is built, after every provider has started).
 * Plugins' fields are optional: a source that fails is left out.
 */
export function profileShape(registry: ProfileFieldRegistry): JsonSchema {
  return { ...ownShape, properties: { ...registry.schemas(), ...ownShape.properties } }
}
