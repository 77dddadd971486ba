/**
 * Case and accents folded (NFD, combining marks removed, lower case),
 * close to how MariaDB's utf8mb4 `_ci` collations compare, so an index of
 * folded text finds what a LIKE on the original accepts.
 */
export function foldText(text: string) {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}
