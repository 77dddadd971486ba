import { test } from '@japa/runner'
import { mentionedNames } from '#notifications/domain/mentions'

test.group('Mentions', () => {
  test('finds @names, not email addresses or words; distinct, in order', ({ assert }) => {
    assert.deepEqual(
      mentionedNames('Hi @Anna and @bob, @anna again; mail a@b.example or x@Carl. (@Dörte)'),
      ['Anna', 'bob', 'Dörte']
    )
    assert.deepEqual(mentionedNames('@a @b @c', 2), ['a', 'b'])
    assert.deepEqual(mentionedNames('no mentions @ all'), [])
  })
})
