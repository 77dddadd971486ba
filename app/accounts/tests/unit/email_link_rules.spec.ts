import { test } from '@japa/runner'
import { tokenLink } from '#accounts/domain/token_link'
import { humanDuration } from '#accounts/domain/human_duration'

test.group('Reset and verification links', () => {
  test('the token joins the page URL, which keeps its own query and fragment', ({ assert }) => {
    assert.equal(
      tokenLink('https://board.example.com/reset-password', 'abc_-1'),
      'https://board.example.com/reset-password?token=abc_-1'
    )
    assert.equal(
      tokenLink('https://example.com/app?lang=fr#/reset', 'T'),
      'https://example.com/app?lang=fr&token=T#/reset'
    )
    assert.equal(
      tokenLink('http://localhost:3000/r?token=old', 'new'),
      'http://localhost:3000/r?token=new'
    )
  })

  test('a link’s lifetime is said in words', ({ assert }) => {
    assert.equal(humanDuration(3600), '1 hour')
    assert.equal(humanDuration(48 * 3600), '48 hours')
    assert.equal(humanDuration(7 * 86_400), '7 days')
    assert.equal(humanDuration(90 * 60), '90 minutes')
    assert.equal(humanDuration(60), '1 minute')
    assert.equal(humanDuration(100), '2 minutes')
  })
})
