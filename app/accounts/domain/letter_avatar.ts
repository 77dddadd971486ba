import { createHash } from 'node:crypto'

/**
 * Background colours of letter avatars: each has a contrast of at least
 * 4.5:1 with white text (WCAG AA).
 */
export const AVATAR_COLORS = [
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#4d7c0f',
  '#15803d',
  '#047857',
  '#0f766e',
  '#0e7490',
  '#0369a1',
  '#1d4ed8',
  '#4338ca',
  '#6d28d9',
  '#7e22ce',
  '#a21caf',
  '#be185d',
  '#be123c',
] as const

export interface LetterAvatar {
  /** An uploaded picture; null until uploads exist: draw the letter on the colour. */
  url: string | null
  /** The first letter or digit of the name, in upper case. */
  letter: string
  /** `#rrggbb`, picked from AVATAR_COLORS by the name: the same name always gets the same one. */
  color: string
}

/**
 * The placeholder avatar of a member, as Discourse's letter avatars: the
 * name's first character in white on a colour chosen by a hash of the
 * name in lower case (MD5, its first 8 hex digits modulo the palette).
 * A rename may change the colour, as on Discourse.
 */
export function letterAvatar(name: string): LetterAvatar {
  const first = Array.from(name)[0] ?? '?'
  const upper = first.toLocaleUpperCase('en')
  const digest = createHash('md5').update(name.toLocaleLowerCase('en')).digest('hex')
  return {
    url: null,
    // Some letters grow in upper case (ß is SS): those keep their own form.
    letter: Array.from(upper).length === 1 ? upper : first,
    color: AVATAR_COLORS[Number.parseInt(digest.slice(0, 8), 16) % AVATAR_COLORS.length],
  }
}
