import { test } from '@japa/runner'
import { phraseOf } from '#board/search/adapters/fts5/fts5_post_search'

test.group('FTS5 phrase of a keyword', () => {
  test('the words from the first to the last of 3+ characters, side by side', ({ assert }) => {
    assert.equal(phraseOf('node cache'), '"node cache"*')
    assert.equal(phraseOf('a node to cache it'), '"node to cache"')
    assert.equal(phraseOf('snake_case'), '"snake case"*')
  })

  test('the last word goes on only when nothing follows it', ({ assert }) => {
    assert.equal(phraseOf('node'), '"node"*')
    assert.equal(phraseOf('node.'), '"node"')
    assert.equal(phraseOf('100%'), '"100"')
  })

  test('no word of 3+ characters: no phrase, and operators stay out', ({ assert }) => {
    assert.isNull(phraseOf("' or 1=1 --"))
    assert.isNull(phraseOf('%'))
    assert.equal(phraseOf('"quoted" (words) +plus -minus *'), '"quoted words plus minus"')
  })
})
