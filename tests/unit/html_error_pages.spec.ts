import { test } from '@japa/runner'
import { htmlErrorRendererFor, renderHtmlErrorsUnder } from '#core/exceptions/html_error_pages'

test.group('HTML error pages by path prefix', () => {
  test('a prefix covers itself and paths below it, not look-alikes', ({ assert }) => {
    const render = () => 'page'
    renderHtmlErrorsUnder('/unit-panel', render)
    assert.strictEqual(htmlErrorRendererFor('/unit-panel'), render)
    assert.strictEqual(htmlErrorRendererFor('/unit-panel/users/1'), render)
    assert.isUndefined(htmlErrorRendererFor('/unit-panelx'))
    assert.isUndefined(htmlErrorRendererFor('/api/v1/unit-panel'))
  })
})
