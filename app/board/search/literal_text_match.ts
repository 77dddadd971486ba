import { LIKE_ESCAPE, containsPattern } from '#core/database/escape_like'

/**
 * SQL for "the keyword literally in the title or content" (escaped LIKE:
 * `%` and `_` are plain characters), with its bindings. `alias` names the
 * row holding the text: post_search, or a post_versions row.
 */
export function literalTextMatch(keyword: string, alias?: string): [string, string[]] {
  const column = (name: string) => (alias ? `${alias}.${name}` : name)
  const pattern = containsPattern(keyword)
  return [
    `(${column('title')} like ? escape ? or ${column('content')} like ? escape ?)`,
    [pattern, LIKE_ESCAPE, pattern, LIKE_ESCAPE],
  ]
}
