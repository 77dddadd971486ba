import { test } from '@japa/runner'
import { gzipSync } from 'node:zlib'
import { baseUrl } from '#tests/helpers/base_url'
import { pluginListed } from '#tests/helpers/plugins'

// Routes of accounts (always listed) and, while it is switched on, the board.
const BODY_ROUTES = [
  '/api/v1/user/login',
  '/api/v1/user',
  ...(pluginListed('board') ? ['/api/v1/board/tech'] : []),
]

async function send(path: string, encoding: string, body: Uint8Array) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': encoding },
    body,
  })
  return { status: response.status, text: await response.text() }
}

test.group('Compressed request bodies', () => {
  test('a body that is not valid {$self} data answers 400 in the error shape')
    .with(['gzip', 'deflate', 'br'])
    .run(async ({ assert }, encoding) => {
      const garbage = new TextEncoder().encode('{"username":"a","password":"b"} not compressed')
      for (const path of BODY_ROUTES) {
        const response = await send(path, encoding, garbage)
        assert.equal(response.status, 400, `${path}: ${response.text}`)
        assert.deepEqual(JSON.parse(response.text), {
          errors: [{ code: 'E_BAD_REQUEST', message: 'The request could not be understood' }],
        })
      }
    })

  test('a valid gzip body is read', async ({ assert }) => {
    const body = gzipSync(JSON.stringify({ username: 'nobody-here', password: 'wrong-pass1' }))
    const response = await send('/api/v1/user/login', 'gzip', body)
    assert.equal(response.status, 401, response.text)
  })
})
