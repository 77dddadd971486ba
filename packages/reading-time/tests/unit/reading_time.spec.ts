import { test } from '@japa/runner'
import { countWords, readingMinutes } from '#reading_time/domain/reading_time'

test.group('Reading time: counting words', () => {
  test('words are runs of letters or digits in any script; punctuation is not a word', ({
    assert,
  }) => {
    assert.equal(countWords(''), 0)
    assert.equal(countWords('  -- ... !! '), 0)
    assert.equal(countWords('Hello, world! 42 times.'), 4)
    assert.equal(countWords("don't stop-me now"), 4)
    assert.equal(countWords('Привет мир, ça va? Ελληνικά'), 5)
    assert.equal(countWords('naïve café'), 2)
  })

  test('Chinese and Japanese characters count one word each', ({ assert }) => {
    assert.equal(countWords('我们在这里'), 5)
    assert.equal(countWords('ひらがな and カタカナ'), 9)
  })

  test('minutes are whole, at least one for any text', ({ assert }) => {
    assert.equal(readingMinutes(0, 200), 0)
    assert.equal(readingMinutes(1, 200), 1)
    assert.equal(readingMinutes(200, 200), 1)
    assert.equal(readingMinutes(201, 200), 2)
    assert.equal(readingMinutes(1000, 250), 4)
  })
})
