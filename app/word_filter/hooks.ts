import { ContentRefused, defineContentHooks } from '#core/plugins/content_hooks'
import { WordMatcher } from '#word_filter/domain/word_matcher'
import config from '#word_filter/config'

let matcher: { words: string[]; matcher: WordMatcher } | undefined

/** One compiled matcher per word list (the list may be swapped in tests). */
function currentMatcher() {
  const { words } = config.get()
  if (matcher?.words !== words) matcher = { words, matcher: new WordMatcher(words) }
  return matcher.matcher
}

/** Refuses (422 E_CONTENT_REFUSED naming the field) or masks, per WORD_FILTER_MODE. */
function filter<Fields extends { title?: string; content: string }>(data: Fields) {
  const words = currentMatcher()
  const fields = (['title', 'content'] as const).filter((field) => data[field] !== undefined)
  if (config.get().mode === 'mask') {
    return Object.fromEntries(
      fields.map((field) => [field, words.mask(data[field]!)])
    ) as Partial<Fields>
  }
  for (const field of fields) {
    const found = words.find(data[field]!)
    if (found) throw new ContentRefused(`The ${field} contains a blocked word: "${found}"`, field)
  }
}

export default defineContentHooks({
  'post:creating': filter,
  'post:updating': filter,
  'comment:creating': filter,
  'comment:updating': filter,
})
