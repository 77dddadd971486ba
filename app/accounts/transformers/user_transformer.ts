import type User from '#accounts/models/user'
import type { AuthUser } from '#accounts/domain/auth_user'
import { ROLE_NAMES } from '#accounts/models/role'
import { schemas, shape } from '#core/openapi/openapi_fragment'

/** The avatar_template field of users, profiles, posts and comments in the OpenAPI document. */
export const avatarTemplateSchema = {
  ...schemas.nullable(schemas.string),
  description:
    'The uploaded picture as a URL template (a path, or absolute on a CDN): replace `{size}` with 48, 96 or 240 (another size redirects to the nearest). Null when none: draw the letter avatar',
  example: '/uploads/avatars/3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6/{size}.webp',
}

export interface UserJson {
  id: number
  name: string
  email: string
  role: string
  created_at: string
  /** The owner followed a link sent to `email`. */
  email_verified: boolean
  /** An email change waiting for its verification link to be followed, else null. */
  pending_email: string | null
  /** The picture's URL template: replace `{size}` (docs/uploads.md, "Avatars"); null when none. */
  avatar_template: string | null
}

/**
 * The own account as its owner sees it (docs/api.md: id, name, email, role, created_at,
 * email_verified, pending_email, avatar_template).
 */
export function userJson(user: AuthUser | (User & { role: { name: string } })): UserJson {
  const role = typeof user.role === 'string' ? user.role : user.role.name
  const createdAt =
    typeof user.createdAt === 'string' ? user.createdAt : user.createdAt.toUTC().toISO()!
  const emailVerified = 'emailVerified' in user ? user.emailVerified : user.emailVerifiedAt !== null
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role,
    created_at: createdAt,
    email_verified: emailVerified,
    pending_email: user.pendingEmail ?? null,
    avatar_template: user.avatarTemplate ?? null,
  }
}

/** The shape of userJson in the OpenAPI document. */
export const userShape = shape<UserJson>({
  id: schemas.id,
  name: schemas.string,
  email: schemas.string,
  role: { enum: ROLE_NAMES },
  created_at: schemas.dateTime,
  email_verified: { type: 'boolean' },
  pending_email: schemas.nullable(schemas.string),
  avatar_template: avatarTemplateSchema,
})
