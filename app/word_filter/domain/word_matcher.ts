/**
 * Finds listed words as whole words, ignoring case, in any script: "ass"
 * matches "Ass!" but not "class". Pure, so it is unit tested without the app.
 */
export class WordMatcher {
  readonly #pattern: RegExp | null

  constructor(words: readonly string[]) {
    const alternatives = [...new Set(words.map((word) => word.trim().toLowerCase()))]
      .filter(Boolean)
      // Longest first, so "foo bar" wins over "foo".
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
    this.#pattern = alternatives.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
      : null
  }

  /** The first listed word in the text, as written there, or null. */
  find(text: string): string | null {
    if (!this.#pattern) return null
    this.#pattern.lastIndex = 0
    return this.#pattern.exec(text)?.[0] ?? null
  }

  /** The text with every letter of listed words replaced by "*". */
  mask(text: string): string {
    if (!this.#pattern) return text
    return text.replace(this.#pattern, (match) => match.replace(/[\p{L}\p{N}]/gu, '*'))
  }
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
