/** Scripts written without spaces between words: each character counts as a word. */
const UNSPACED = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}'
const LETTERS = `[[\\p{L}\\p{N}\\p{M}]--[${UNSPACED}]]+`

/** A run of letters and digits, kept whole across an apostrophe (don't), or one unspaced character. */
const WORD = new RegExp(`${LETTERS}(?:['’]${LETTERS})*|[${UNSPACED}]`, 'gv')

/** How many words a text has, in any script; punctuation and markup symbols are not words. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0
}

/** Whole minutes to read `words` at `wordsPerMinute`: at least 1 for any text, 0 for none. */
export function readingMinutes(words: number, wordsPerMinute: number): number {
  return Math.ceil(words / wordsPerMinute)
}
