/** Who a category lets read, post or comment; each level includes the ones after it. */
export const ACCESS_LEVELS = ['everyone', 'members', 'moderators'] as const
export type AccessLevel = (typeof ACCESS_LEVELS)[number]

/** The three rights a category sets. */
export const ACCESS_RIGHTS = ['read', 'post', 'comment'] as const
export type AccessRight = (typeof ACCESS_RIGHTS)[number]

/** A category's own settings: null inherits the parent's (a board's null: the defaults). */
export type OwnAccess = Record<AccessRight, AccessLevel | null>
/** The settings in force after inheritance. */
export type Access = Record<AccessRight, AccessLevel>

/** What a board without settings allows (Discourse's default category: everyone reads). */
export const ROOT_ACCESS: Access = { read: 'everyone', post: 'members', comment: 'members' }

/**
 * Who calls, as far as category rights go: lists and trees are cached per
 * kind (three entries at most), never per user.
 */
export type CallerKind = 'anonymous' | 'member' | 'moderator'
export const CALLER_KINDS: CallerKind[] = ['anonymous', 'member', 'moderator']

const RANK: Record<AccessLevel, number> = { everyone: 0, members: 1, moderators: 2 }
const KIND_RANK: Record<CallerKind, number> = { anonymous: 0, member: 1, moderator: 2 }

function stricter(a: AccessLevel, b: AccessLevel): AccessLevel {
  return RANK[a] >= RANK[b] ? a : b
}

/**
 * The rights in force of a category, from its own settings and its
 * parent's rights in force (null for a board): unset rights inherit; a
 * category is never readable by more than its parent (a category you
 * cannot see hides everything below it); posting and commenting are never
 * looser than reading.
 */
export function resolveAccess(own: OwnAccess, parent: Access | null): Access {
  const base = parent ?? ROOT_ACCESS
  const read = parent ? stricter(own.read ?? base.read, parent.read) : (own.read ?? base.read)
  return {
    read,
    post: stricter(own.post ?? base.post, read),
    comment: stricter(own.comment ?? base.comment, read),
  }
}

/**
 * Whether a caller of this kind may exercise a right at a level. Writing
 * always needs a signed-in member: "everyone" posts means every member.
 */
export function kindMay(kind: CallerKind, right: AccessRight, level: AccessLevel) {
  if (right !== 'read' && kind === 'anonymous') return false
  return KIND_RANK[kind] >= RANK[level]
}

/** What a caller of this kind may do in a category: the `permissions` of the tree's JSON. */
export function permissionsOf(kind: CallerKind, access: Access) {
  return {
    read: kindMay(kind, 'read', access.read),
    post: kindMay(kind, 'post', access.post),
    comment: kindMay(kind, 'comment', access.comment),
  }
}

export function isAccessLevel(value: unknown): value is AccessLevel {
  return typeof value === 'string' && (ACCESS_LEVELS as readonly string[]).includes(value)
}
