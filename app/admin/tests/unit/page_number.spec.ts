import { test } from '@japa/runner'
import { pageNumber, queryText } from '#admin/services/page_number'

test.group('pageNumber and queryText', () => {
  test('anything but a sane positive integer is page 1', ({ assert }) => {
    assert.equal(pageNumber('3'), 3)
    for (const value of [undefined, '', '0', '-2', '1.5', 'abc', '1e9', ['2']]) {
      assert.equal(pageNumber(value), 1, String(value))
    }
  })

  test('query text is trimmed, bounded and only a string', ({ assert }) => {
    assert.equal(queryText('  bob '), 'bob')
    assert.lengthOf(queryText('x'.repeat(500)), 100)
    assert.equal(queryText(['a', 'b']), '')
  })
})
