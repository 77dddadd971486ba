/**
 * Demo text with a realistic, long-tailed vocabulary: a few common words
 * and tens of thousands of rare ones, drawn by Zipf's law (the frequency of
 * the word of rank r is proportional to 1/r), as in natural language. A
 * small uniform vocabulary would make every keyword match a large share of
 * all posts, which measures a worst case instead of a board.
 */
const COMMON = (
  'board forum question answer career tech life news rust node typescript database index cache ' +
  'query version vote comment moderator release deploy server client latency memory thread ' +
  'design review bug feature docs test search plugin event hook queue metric log error fix ' +
  'weekend coffee travel music book movie garden city market price learn teach team remote'
).split(' ')

const ONSETS = 'b br c ch d dr f g gr h j k kl l m n p pl qu r s sh st t tr v w z'.split(' ')
const VOWELS = 'a e i o u ai ea io ou'.split(' ')
const CODAS = ['', 'n', 'r', 's', 'l', 'm', 'x', 'nd', 'st']

/** Rare words: syllable combinations, deterministic so datasets are reproducible. */
function syntheticWords(count: number) {
  const words = new Set<string>()
  for (let i = 0; words.size < count; i++) {
    let n = i
    let word = ''
    // Two to four syllables, enumerated in a fixed order.
    const syllables = 2 + (i % 3)
    for (let s = 0; s < syllables; s++) {
      word += ONSETS[n % ONSETS.length] + VOWELS[(n >> 3) % VOWELS.length]
      n = Math.floor(n / 7) + s * 13 + i
    }
    word += CODAS[i % CODAS.length]
    if (!COMMON.includes(word)) words.add(word)
  }
  return [...words]
}

/** Every demo word, most frequent first (rank = index + 1). */
export const DEMO_VOCABULARY: readonly string[] = [...COMMON, ...syntheticWords(30_000)]

/** Cumulative Zipf weights over DEMO_VOCABULARY, for sampling by binary search. */
const cumulative = (() => {
  const sums = new Float64Array(DEMO_VOCABULARY.length)
  let total = 0
  for (let rank = 1; rank <= sums.length; rank++) sums[rank - 1] = total += 1 / rank
  return sums.map((sum) => sum / total)
})()

export class DemoText {
  constructor(private random: () => number) {}

  word() {
    const target = this.random()
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle] < target) low = middle + 1
      else high = middle
    }
    return DEMO_VOCABULARY[low]
  }

  sentence(min: number, max: number) {
    const count = min + Math.floor(this.random() * (max - min + 1))
    const text = Array.from({ length: count }, () => this.word()).join(' ')
    return text[0].toUpperCase() + text.slice(1)
  }

  paragraph(min: number, max: number) {
    return `${this.sentence(min, max)}.`
  }
}
