import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import { fastLane } from '#core/http/fast_lane'
import { BoardCache } from '#board/services/board_cache'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'
import { scrape, valueOf } from '#tests/helpers/metrics'
import { cacheChangesApplied } from '#tests/helpers/cache_changes'
import type { ApiClient } from '@japa/api-client'

const ROUTE = '/api/v1/post/:id'

/** Requests the fast lane answered so far. */
async function fastLaneCount(client: ApiClient) {
  return valueOf(await scrape(client), 'boardcms_http_fast_lane_responses_total', { route: ROUTE })
}

/** Headers a client sees, without the ones node adds to every answer. */
function ownHeaders(headers: Record<string, string>) {
  const { date, connection, ['keep-alive']: keepAlive, ...rest } = headers
  return rest
}

function setFastLane(enabled: boolean) {
  fastLane.configure({ enabled, cors: app.config.get('cors'), logger })
}

async function newPost(client: ApiClient) {
  const { category } = await createBoard()
  const author = await signedInUser(client)
  const post = await createPost(client, author, category)
  await cacheChangesApplied()
  return { author, post }
}

/** A new post read once, so that its detail is in the cache. */
async function cachedPost(client: ApiClient) {
  const { author, post } = await newPost(client)
  const url = `/api/v1/post/${post.id}`
  await client.get(url)
  return { author, post, url }
}

test.group('Fast lane: public reads answered before the pipeline', (group) => {
  group.each.teardown(() => setFastLane(true))

  test('a cache hit gets the same body and headers as the framework answer, and counts in the metrics', async ({
    client,
    assert,
  }) => {
    const { post } = await newPost(client)
    const url = `/api/v1/post/${post.id}`
    const origin = 'https://front.example'
    setFastLane(false)
    const framework = await client
      .get(url)
      .header('x-request-id', 'req-framework')
      .header('origin', origin)
    setFastLane(true)
    const before = await scrape(client)
    const fast = await client.get(url).header('x-request-id', 'req-fast').header('origin', origin)
    const after = await scrape(client)

    assert.equal(
      valueOf(after, 'boardcms_http_fast_lane_responses_total', { route: ROUTE }) -
        valueOf(before, 'boardcms_http_fast_lane_responses_total', { route: ROUTE }),
      1
    )
    const labels = { route: ROUTE, method: 'GET', status: '200' }
    assert.equal(
      valueOf(after, 'boardcms_http_requests_total', labels) -
        valueOf(before, 'boardcms_http_requests_total', labels),
      1
    )
    fast.assertStatus(200)
    assert.equal(fast.text(), framework.text())
    assert.deepEqual(
      { ...ownHeaders(fast.headers()), 'x-request-id': 'req-framework' },
      ownHeaders(framework.headers())
    )
    assert.equal(fast.header('x-request-id'), 'req-fast')
    assert.equal(fast.header('access-control-allow-origin'), origin)
  }).skip(...needsPlugins('board'))

  test("a miss is read, cached and answered by the fast lane: the framework's answer, then hits", async ({
    client,
    assert,
  }) => {
    const { post } = await newPost(client)
    const url = `/api/v1/post/${post.id}`
    const before = await fastLaneCount(client)
    const fast = await client.get(url)
    assert.equal(await fastLaneCount(client), before + 1, "the miss was the fast lane's")
    ;(await client.get(url)).assertStatus(200)
    assert.equal(await fastLaneCount(client), before + 2)

    await BoardCache.everythingChanged()
    setFastLane(false)
    const framework = await client.get(url)
    fast.assertStatus(200)
    assert.equal(fast.text(), framework.text())
    assert.deepEqual(
      { ...ownHeaders(fast.headers()), 'x-request-id': '' },
      { ...ownHeaders(framework.headers()), 'x-request-id': '' }
    )
  }).skip(...needsPlugins('board'))

  test('an unsafe X-Request-Id is replaced by a UUID on the fast lane too', async ({
    client,
    assert,
  }) => {
    const { url } = await cachedPost(client)
    const before = await fastLaneCount(client)
    const response = await client.get(url).header('x-request-id', 'a b <script>')
    assert.equal(await fastLaneCount(client), before + 1)
    assert.match(response.header('x-request-id') ?? '', /^[0-9a-f-]{36}$/)
  }).skip(...needsPlugins('board'))

  test('an edit or a delete is seen by the very next read', async ({ client, assert }) => {
    const { author, url } = await cachedPost(client)
    const edit = await client
      .put(url)
      .headers(author.auth)
      .json({ title: 'Edited title', content: 'Edited' })
    edit.assertStatus(200)
    for (let i = 0; i < 2; i++) {
      const read = await client.get(url)
      assert.containsSubset(read.body(), { title: 'Edited title', version: 2 })
    }

    const before = await fastLaneCount(client)
    ;(await client.delete(url).headers(author.auth)).assertStatus(204)
    for (let i = 0; i < 2; i++) (await client.get(url)).assertStatus(404)
    assert.equal(
      await fastLaneCount(client),
      before,
      'a cached "no such post" is the framework\'s 404'
    )
  }).skip(...needsPlugins('board'))

  test('an entry invalidated by tag is not served', async ({ client, assert }) => {
    const { post, url } = await cachedPost(client)
    await db
      .from('post_versions')
      .where('post_id', post.id)
      .update({ title: 'Changed behind the cache' })
    assert.equal((await client.get(url)).body().title, post.title, 'served from the cache')
    await BoardCache.everythingChanged()
    assert.equal((await client.get(url)).body().title, 'Changed behind the cache')
  }).skip(...needsPlugins('board'))

  test('URLs it does not own, HEAD, and HTTP_FAST_LANE=false go through the framework', async ({
    client,
    assert,
  }) => {
    const { url } = await cachedPost(client)
    const before = await fastLaneCount(client)
    ;(await client.get(`${url}?utm=x`)).assertStatus(200)
    ;(await client.get(`${url}/`)).assertStatus(200)
    ;(await client.head(url)).assertStatus(200)
    setFastLane(false)
    ;(await client.get(url)).assertStatus(200)
    assert.equal(await fastLaneCount(client), before)
  }).skip(...needsPlugins('board'))

  test('a request with a bearer goes through the framework: a bad one is 401, a good one 200', async ({
    client,
    assert,
  }) => {
    const { author, url } = await cachedPost(client)
    const before = await fastLaneCount(client)
    const bad = await client.get(url).header('authorization', 'Bearer not-a-token')
    bad.assertStatus(401)
    assert.equal(bad.body().errors[0].code, 'E_UNAUTHORIZED')
    ;(await client.get(url).headers(author.auth)).assertStatus(200)
    assert.equal(await fastLaneCount(client), before)
    ;(await client.get(url)).assertStatus(200)
    assert.equal(
      await fastLaneCount(client),
      before + 1,
      'anonymous reads still take the fast lane'
    )
  }).skip(...needsPlugins('board'))

  test('a lookup that fails leaves the request to the framework', async ({
    client,
    assert,
    cleanup,
  }) => {
    cleanup(
      fastLane.register({
        pattern: '/ping',
        url: /^\/ping\?fast-lane-failure$/,
        lookup: () => Promise.reject(new Error('cache unreachable')),
      })
    )
    const response = await client.get('/ping?fast-lane-failure')
    response.assertStatus(200)
    assert.deepEqual(response.body(), { pong: true })
  })
})
