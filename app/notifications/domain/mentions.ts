/** At most this many members are notified of mentions per write. */
export const MAX_MENTIONS = 10

/** At most this many names of a text are looked up (unknown names do not count against MAX_MENTIONS). */
export const MAX_NAMES_LOOKED_UP = 50

/**
 * `@name` mentions in a text: names of letters and digits (account names),
 * not part of a word or an email address (`a@b.example`), distinct
 * regardless of case, in order of appearance, at most `max`.
 */
export function mentionedNames(text: string, max = MAX_NAMES_LOOKED_UP): string[] {
  const names: string[] = []
  const seen = new Set<string>()
  for (const match of text.matchAll(/(?<![\p{L}\p{N}_.@-])@([\p{L}\p{N}]{1,100})/gu)) {
    const name = match[1]
    const key = name.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    names.push(name)
    if (names.length >= max) break
  }
  return names
}
