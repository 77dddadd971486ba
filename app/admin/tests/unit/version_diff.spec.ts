import { test } from '@japa/runner'
import { diffHtml, versionDiff } from '#admin/services/version_diff'

test.group('versionDiff', () => {
  test('marks added and removed words in title and content', ({ assert }) => {
    const diff = versionDiff(
      { title: 'Hello world', content: 'one two\nthree' },
      { title: 'Hello there world', content: 'one\nthree four' }
    )
    assert.equal(diff.titleHtml, 'Hello <ins>there </ins>world')
    assert.deepInclude(diff.content, { kind: 'removed', text: ' two' })
    assert.deepInclude(diff.content, { kind: 'added', text: ' four' })
    assert.equal(diff.added, 2)
    assert.equal(diff.removed, 1)
  })

  test('escapes HTML in every part', ({ assert }) => {
    const html = diffHtml([
      { kind: 'same', text: '<b>' },
      { kind: 'added', text: `"x" & 'y'` },
      { kind: 'removed', text: '</script>' },
    ])
    assert.equal(
      html,
      '&lt;b&gt;<ins>&quot;x&quot; &amp; &#39;y&#39;</ins><del>&lt;/script&gt;</del>'
    )
  })

  test('identical versions have no changes', ({ assert }) => {
    const diff = versionDiff({ title: 'a', content: 'b c' }, { title: 'a', content: 'b c' })
    assert.equal(diff.added + diff.removed, 0)
    assert.equal(diff.contentHtml, 'b c')
  })
})
