/** Account names: letters and digits of any script, no spaces or punctuation (names appear in URLs). */
export const USER_NAME = /^[\p{L}\p{N}]+$/u

/**
 * Whether `text` could occur in a live account's name (accents aside, as
 * the database compares): false as soon as it holds a space or punctuation.
 * Deleted accounts keep a placeholder name outside USER_NAME, and no
 * search lists them.
 */
export function couldBeInUserName(text: string) {
  return USER_NAME.test(text.normalize('NFD').replace(/\p{M}/gu, ''))
}
