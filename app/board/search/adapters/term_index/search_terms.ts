import { foldText } from '#core/text/fold_text'

/** Words shorter than this are not indexed: they would match most of a board. */
export const TERM_MIN_LENGTH = 3

/** Longer words are indexed by their first TERM_MAX_LENGTH characters (the column's width). */
export const TERM_MAX_LENGTH = 64

/** Runs of letters, digits and "_": the words of a text or of a keyword. */
const WORD = /[\p{L}\p{N}_]+/gu
const ONE_WORD = /^[\p{L}\p{N}_]+$/u

/**
 * A word as the term index stores it: case and accents folded, as
 * MariaDB's utf8mb4_general_ci compares text (so the index finds what the
 * LIKE confirmation accepts), cut to TERM_MAX_LENGTH characters.
 */
export function foldTerm(word: string) {
  const folded = foldText(word)
  const chars = [...folded]
  return chars.length > TERM_MAX_LENGTH ? chars.slice(0, TERM_MAX_LENGTH).join('') : folded
}

/** The words of `text` of TERM_MIN_LENGTH characters or more, unfolded. */
export function wordsOf(text: string) {
  return (text.match(WORD) ?? []).filter((word) => [...word].length >= TERM_MIN_LENGTH)
}

/** The distinct terms of some texts (a post's title and content), sorted. */
export function termsOf(...texts: string[]) {
  const terms = new Set<string>()
  for (const text of texts) for (const word of wordsOf(text)) terms.add(foldTerm(word))
  return [...terms].sort()
}

/**
 * True when the keyword is one whole word the index can answer alone: a
 * post contains it exactly when one of its words starts with it (case and
 * accents aside), so no LIKE confirmation is needed.
 */
export function isIndexedWord(keyword: string) {
  const length = [...keyword].length
  return length >= TERM_MIN_LENGTH && length <= TERM_MAX_LENGTH && ONE_WORD.test(keyword)
}

/**
 * The indexed words of a keyword that is not one word ("node cache",
 * "node.js"), each with whether it may continue in the text: only the last
 * word, when nothing follows it, can be the start of a longer word ("node
 * ca" finds "node cache"); any other word ends where the keyword's next
 * character does, so a post containing the keyword has that exact term.
 */
export function phraseWordsOf(keyword: string) {
  const words: { word: string; prefix: boolean }[] = []
  for (const match of keyword.matchAll(WORD)) {
    if ([...match[0]].length < TERM_MIN_LENGTH) continue
    words.push({ word: match[0], prefix: match.index + match[0].length === keyword.length })
  }
  return words
}
