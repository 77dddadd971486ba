import { test } from '@japa/runner'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { baseUrl } from '#tests/helpers/base_url'
import { connect } from 'node:net'
import transmit from '@adonisjs/transmit/services/main'
import { openStream } from '#notifications/tests/sse_client'
import { openStreamCount, sweepStreams } from '#notifications/realtime/stream_limits'

test.group('Notifications: realtime (SSE)', () => {
  test('board, post and user channels carry new posts, comments, votes and unread counts', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { board, category } = await createBoard()
    const [author, commenter] = [await signedInUser(client), await signedInUser(client)]
    const stream = await openStream(baseUrl())
    cleanup(() => stream.close())
    assert.equal(stream.status, 200)
    assert.equal(await stream.subscribe(`board/${board}`), 204)
    assert.equal(await stream.subscribe(`user/${author.id}`, author.auth), 204)
    // Every subscription starts by telling the client to fetch the state it shows.
    assert.deepEqual(await stream.next(`board/${board}`), { type: 'sync' })
    assert.deepEqual(await stream.next(`user/${author.id}`), { type: 'sync' })

    const post = await createPost(client, author, category)
    assert.deepEqual(await stream.next(`board/${board}`, (p) => p.type !== 'sync'), {
      type: 'post:created',
      post_id: post.id,
    })
    assert.equal(await stream.subscribe(`post/${post.id}`), 204)

    const written = await createComment(client, commenter, post.id)
    assert.deepEqual(await stream.next(`post/${post.id}`, (p) => p.type !== 'sync'), {
      type: 'comment:created',
      post_id: post.id,
      comment_id: written.id,
    })
    assert.deepEqual(await stream.next(`user/${author.id}`, (p) => p.type !== 'sync'), {
      type: 'notifications',
      unread: 1,
    })
    await client.post(`/api/v1/post/${post.id}/vote`).headers(commenter.auth)
    assert.containsSubset(await stream.next(`post/${post.id}`, (p) => p.type === 'vote'), {
      target: 'post',
      target_id: post.id,
      votes: 1,
    })
    await client.post('/api/v1/notifications/read').headers(author.auth).json({ all: true })
    assert.deepEqual(await stream.next(`user/${author.id}`, (p) => p.unread === 0), {
      type: 'notifications',
      unread: 0,
    })
  })

  test("a member's channel is refused to others and to anonymous clients", async ({
    client,
    assert,
    cleanup,
  }) => {
    const [owner, other] = [await signedInUser(client), await signedInUser(client)]
    const stream = await openStream(baseUrl())
    cleanup(() => stream.close())
    assert.equal(await stream.subscribe(`user/${owner.id}`), 403)
    assert.equal(await stream.subscribe(`user/${owner.id}`, other.auth), 403)
    assert.equal(
      await stream.subscribe(`user/${owner.id}`, { authorization: 'Bearer nonsense' }),
      403
    )
    assert.equal(await stream.subscribe(`user/${owner.id}`, owner.auth), 204)

    // A personal API token of the member opens it too (a read-only one is enough).
    const token = await client
      .post('/api/v1/user/tokens')
      .headers(owner.auth)
      .json({ name: 'realtime', abilities: ['read'] })
    token.assertStatus(201)
    const tokenStream = await openStream(baseUrl())
    cleanup(() => tokenStream.close())
    const bearer = { authorization: `Bearer ${token.body().token}` }
    assert.equal(await tokenStream.subscribe(`user/${owner.id}`, bearer), 204)
    assert.equal(await tokenStream.subscribe(`user/${other.id}`, bearer), 403)

    // A uid with no open stream (here), or malformed input: reconnect, or fix the request.
    const gone = await fetch(`${baseUrl()}/__transmit/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uid: 'no-such-stream-0001', channel: 'board/x' }),
    })
    assert.equal(gone.status, 404)
    assert.equal(((await gone.json()) as any).errors[0].code, 'E_NOT_FOUND')
    const refused = await fetch(`${baseUrl()}/__transmit/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...other.auth },
      body: JSON.stringify({ uid: stream.uid, channel: `user/${owner.id}` }),
    })
    assert.equal(((await refused.json()) as any).errors[0].code, 'E_FORBIDDEN')
    const malformed = await fetch(`${baseUrl()}/__transmit/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uid: 'x', channel: '' }),
    })
    assert.equal(malformed.status, 422)
  })

  test('streams per IP are limited; a bad or reused uid is refused', async ({
    assert,
    cleanup,
  }) => {
    const first = await openStream(baseUrl(), 'fixed-uid-0001')
    cleanup(() => first.close())
    assert.equal((await openStream(baseUrl(), 'fixed-uid-0001')).status, 409)
    assert.equal((await openStream(baseUrl(), 'x')).status, 422)
    const streams = [first]
    cleanup(() => streams.forEach((s) => s.close()))
    let refused = 0
    for (let i = 0; i < 25 && !refused; i++) {
      const stream = await openStream(baseUrl())
      if (stream.status === 429) refused++
      else streams.push(stream)
    }
    assert.equal(refused, 1)
    assert.lengthOf(streams, 20)
    const metrics = await fetch(`${baseUrl()}/metrics`)
    assert.match(await metrics.text(), /boardcms_notifications_sse_streams 2\d/)
  })

  test('a client that stops reading is cut off; the others get every message', async ({
    assert,
    cleanup,
  }) => {
    const channel = `board/slow${Date.now()}`
    // The streams of the test before are being closed.
    for (let i = 0; i < 100 && openStreamCount() > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const reader = await openStream(baseUrl())
    assert.equal(reader.status, 200)
    cleanup(() => reader.close())
    assert.equal(await reader.subscribe(channel), 204)

    // A raw connection that never reads what it is sent.
    const url = new URL(baseUrl())
    const slow = connect(Number(url.port), url.hostname)
    cleanup(() => {
      slow.destroy()
    })
    slow.pause()
    slow.write(
      `GET /__transmit/events?uid=slow-reader-0001 HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\n\r\n`
    )
    const subscribed = async () => {
      const answer = await fetch(`${baseUrl()}/__transmit/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ uid: 'slow-reader-0001', channel }),
      })
      return answer.status === 204
    }
    for (let i = 0; i < 50 && !(await subscribed()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    assert.include(transmit.getSubscribersFor(channel), 'slow-reader-0001')

    // In bursts the reader keeps up with (never 1,000 behind, so the provider's periodic
    // sweep cannot take it for slow however loaded the machine), while the slow one falls
    // 5,000 behind.
    const filler = 'x'.repeat(4000)
    for (let burst = 0; burst < 10; burst++) {
      for (let n = 0; n < 500; n++) {
        transmit.broadcast(channel, { type: 'fill', i: burst * 500 + n, filler })
      }
      const last = burst * 500 + 499
      assert.equal((await reader.next(channel, (p) => p.i === last, 10_000)).i, last)
    }

    sweepStreams()
    for (let i = 0; i < 100 && transmit.getSubscribersFor(channel).length > 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    assert.deepEqual(transmit.getSubscribersFor(channel), [reader.uid])
  }).timeout(30_000)

  test('a stream that subscribes to nothing, or lived its lifetime, is closed', async ({
    assert,
    cleanup,
  }) => {
    for (let i = 0; i < 100 && openStreamCount() > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const idle = await openStream(baseUrl())
    const busy = await openStream(baseUrl())
    cleanup(() => {
      idle.close()
      busy.close()
    })
    assert.equal(await busy.subscribe('board/anything'), 204)
    const waitForCount = async (count: number) => {
      for (let i = 0; i < 100 && openStreamCount() !== count; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return openStreamCount()
    }
    sweepStreams(Date.now() + 30_000)
    assert.equal(await waitForCount(2), 2)
    sweepStreams(Date.now() + 61_000)
    assert.equal(await waitForCount(1), 1)
    sweepStreams(Date.now() + 31 * 60_000)
    assert.equal(await waitForCount(0), 0)
  })
})
