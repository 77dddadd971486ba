import { test } from '@japa/runner'
import { safeStringify } from '@poppinss/utils/json'
import { serializeJson } from '#core/http/serialize_json'

test.group('Response JSON serializer', () => {
  test('gives the text of the framework default for plain payloads', ({ assert }) => {
    const payloads: unknown[] = [
      { post_list: [{ id: 1, title: 'a "quoted" \u2028 title', tags: [], score: 1.5 }], total: 1 },
      { nested: { deep: { value: null, missing: undefined, fn: () => 1 } }, when: new Date(0) },
      ['é', 'emoji 🎉', '\u0000control', { toJSON: () => ({ replaced: true }) }],
      { infinite: Number.POSITIVE_INFINITY, nan: Number.NaN },
      'text',
      42,
      null,
    ]
    for (const payload of payloads) assert.equal(serializeJson(payload), safeStringify(payload))
  })

  test('BigInts and circular references still serialize as the default did', ({ assert }) => {
    const circular: Record<string, unknown> = { id: 7 }
    circular.self = circular
    const big = { count: 12345678901234567890n }
    assert.equal(serializeJson(big), '{"count":"12345678901234567890"}')
    assert.equal(serializeJson(circular), safeStringify(circular))
    assert.equal(serializeJson(circular), '{"id":7}')
  })

  test('is the serializer the app answers with', async ({ assert }) => {
    const { http } = await import('#config/app')
    assert.strictEqual(http.serializeJSON, serializeJson)
  })
})
