import { test } from '@japa/runner'
import { foldTerm, isIndexedWord, termsOf } from '#board/search/adapters/term_index/search_terms'

test.group('search terms', () => {
  test('a text gives its distinct words of 3+ characters, folded and sorted', ({ assert }) => {
    assert.deepEqual(termsOf('Node and NODE: a snake_case café', 'Crème, node.'), [
      'and',
      'cafe',
      'creme',
      'node',
      'snake_case',
    ])
    assert.deepEqual(termsOf('a, bc; 100% -- ok'), ['100'])
  })

  test('folding removes case and accents, as utf8mb4_general_ci compares', ({ assert }) => {
    assert.equal(foldTerm('ÉCOLE'), 'ecole')
    assert.equal(foldTerm('Ünïcödé'), 'unicode')
  })

  test('words longer than 64 characters are cut to 64', ({ assert }) => {
    const long = 'x'.repeat(70)
    assert.equal(foldTerm(long), 'x'.repeat(64))
    assert.deepEqual(termsOf(`${long} short`), ['short', 'x'.repeat(64)])
  })

  test('only one whole word of 3 to 64 characters is answered by the index alone', ({ assert }) => {
    assert.isTrue(isIndexedWord('cache'))
    assert.isTrue(isIndexedWord('snake_case'))
    assert.isTrue(isIndexedWord('Café'))
    assert.isFalse(isIndexedWord('go'))
    assert.isFalse(isIndexedWord('two words'))
    assert.isFalse(isIndexedWord('node.js'))
    assert.isFalse(isIndexedWord('100%'))
    assert.isFalse(isIndexedWord('y'.repeat(65)))
  })
})
