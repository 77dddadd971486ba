/**
 * Square sizes, in pixels, an avatar is stored at: Discourse's small, medium
 * and large ones (post lists and comments, posts, profiles); a client picks
 * one by replacing `{size}` in the template.
 */
export const AVATAR_SIZES = [48, 96, 240] as const

export type AvatarSize = (typeof AVATAR_SIZES)[number]

/** Sizes a client may ask for; others are refused (Discourse answers a blank below 8). */
const ASKABLE = { min: 1, max: 1000 }

/** The key of an avatar's file of one size on the disk, from its public id only. */
export function avatarKey(publicId: string, size: AvatarSize) {
  return `avatars/${publicId.slice(0, 2)}/${publicId}_${size}.webp`
}

/** The disk keys of an avatar, every size. */
export function avatarKeys(publicId: string) {
  return AVATAR_SIZES.map((size) => avatarKey(publicId, size))
}

/** The URL template the account carries: a path served by this plugin (see avatar_files_controller). */
export function avatarTemplate(publicId: string) {
  return `/uploads/avatars/${publicId}/{size}.webp`
}

export function avatarUrl(publicId: string, size: AvatarSize) {
  return avatarTemplate(publicId).replace('{size}', String(size))
}

const PUBLIC_ID = /^[a-f0-9]{32}$/
const SIZE_FILE = /^([0-9]{1,4})\.webp$/

/**
 * The public id and size a served URL asks for; the size is the stored
 * size nearest to the asked one, and `exact` says whether it was one of them
 * (Discourse redirects other sizes to the nearest). Null for anything else.
 */
export function parseAvatarFile(publicId: string, file: string) {
  const match = SIZE_FILE.exec(file)
  if (!PUBLIC_ID.test(publicId) || !match) return null
  const asked = Number(match[1])
  if (asked < ASKABLE.min || asked > ASKABLE.max) return null
  const size = nearestAvatarSize(asked)
  return { publicId, size, exact: size === asked }
}

/** The stored size nearest to `asked`; the larger on a tie (it downscales well). */
export function nearestAvatarSize(asked: number): AvatarSize {
  let best: AvatarSize = AVATAR_SIZES[0]
  for (const size of AVATAR_SIZES) {
    if (Math.abs(size - asked) <= Math.abs(best - asked)) best = size
  }
  return best
}
