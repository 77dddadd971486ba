import { test } from '@japa/runner'
import { WordMatcher } from '#word_filter/domain/word_matcher'

test.group('WordMatcher', () => {
  test('finds whole words in any case, not parts of words', ({ assert }) => {
    const matcher = new WordMatcher(['frak', 'smeg'])
    assert.equal(matcher.find('Well, FRAK!'), 'FRAK')
    assert.equal(matcher.find('smeg-head'), 'smeg')
    assert.isNull(matcher.find('frakking is one word'))
    assert.isNull(matcher.find('asmeg'))
  })

  test('treats regular expression characters literally', ({ assert }) => {
    const matcher = new WordMatcher(['a.b', 'c+'])
    assert.equal(matcher.find('say a.b now'), 'a.b')
    assert.isNull(matcher.find('say axb now'))
    assert.isNull(matcher.find('cc'))
  })

  test('works for words in other scripts', ({ assert }) => {
    const matcher = new WordMatcher(['дурак'])
    assert.equal(matcher.find('Ты Дурак.'), 'Дурак')
    assert.isNull(matcher.find('дураки'))
  })

  test('masks every listed word, longest first', ({ assert }) => {
    const matcher = new WordMatcher(['frak', 'frak off'])
    assert.equal(matcher.mask('Frak off, frak!'), '**** ***, ****!')
  })

  test('an empty list matches nothing', ({ assert }) => {
    const matcher = new WordMatcher([])
    assert.isNull(matcher.find('anything'))
    assert.equal(matcher.mask('anything'), 'anything')
  })
})
