import { test } from '@japa/runner'
import { runAce, startServer } from '#tests/helpers/child_processes'
import { freePort } from '#tests/helpers/server_process'
import { redisOfItsOwn, scratchMariaDb } from '#tests/helpers/scratch_mariadb'
import { needsPlugins } from '#tests/helpers/plugins'
import { requireServices } from '#tests/helpers/required_services'
import { bearer, call, loginAt } from '#tests/helpers/http_json'
import { openStream } from '#notifications/tests/sse_client'

/**
 * Realtime across instances (the notifications plugin, docs/notifications.md):
 * a client streaming from instance A sees, within a second, a comment
 * written on instance B and the notification it gives, through the Redis
 * transport the two share.
 */
const DATABASE = 'board_reliability_sse'

const services = requireServices('the realtime two-instance test', 'mariadb', 'redis-server')

test.group('Realtime over two instances sharing Redis', () => {
  test('a comment written on B reaches a stream on A within a second', async ({
    assert,
    cleanup,
  }) => {
    services.assert()
    const redisPort = await redisOfItsOwn(cleanup)
    const { connection, env } = await scratchMariaDb(DATABASE, redisPort, cleanup)
    runAce(['demo:seed', '--users=2', '--posts=0', '--comments=0'], env)
    const [rows] = await connection.query(
      `SELECT id, name FROM ${DATABASE}.users WHERE name LIKE 'demo%' ORDER BY id`
    )
    const [author, commenter] = rows as { id: number; name: string }[]

    const [a, b] = [
      await startServer(await freePort(), env),
      await startServer(await freePort(), env),
    ]
    cleanup(async () => {
      await a.stop()
      await b.stop()
    })
    const authorToken = await loginAt(b.url, author.name, 'demo-password')
    const commenterToken = await loginAt(b.url, commenter.name, 'demo-password')
    const created = await call(b.url, '/api/v1/board/qna', {
      method: 'POST',
      headers: bearer(authorToken),
      body: JSON.stringify({ title: 'Live', content: 'Watch this' }),
    })
    assert.equal(created.status, 201, created.text)
    const postId = created.json.id as number

    const stream = await openStream(a.url)
    cleanup(() => stream.close())
    assert.equal(stream.status, 200)
    assert.equal(await stream.subscribe(`post/${postId}`), 204)
    assert.equal(await stream.subscribe(`user/${author.id}`, bearer(authorToken)), 204)
    // Another member's token never opens the author's channel, on either instance.
    assert.equal(await stream.subscribe(`user/${author.id}`, bearer(commenterToken)), 403)

    const started = Date.now()
    const comment = await call(b.url, `/api/v1/post/${postId}/comment`, {
      method: 'POST',
      headers: bearer(commenterToken),
      body: JSON.stringify({ content: 'Live from B' }),
    })
    assert.equal(comment.status, 201, comment.text)
    assert.deepEqual(await stream.next(`post/${postId}`, (p) => p.type !== 'sync', 1000), {
      type: 'comment:created',
      post_id: postId,
      comment_id: comment.json.id,
    })
    assert.deepEqual(
      await stream.next(
        `user/${author.id}`,
        (p) => p.type !== 'sync',
        1000 - (Date.now() - started)
      ),
      {
        type: 'notifications',
        unread: 1,
      }
    )
    assert.isBelow(Date.now() - started, 1000)
  })
    .skip(...needsPlugins('notifications'))
    .timeout(120_000)

  test('SIGTERM ends open streams at once: they never hold the shutdown', async ({
    assert,
    cleanup,
  }) => {
    const env = {
      DB_CONNECTION: 'sqlite',
      SQLITE_FILENAME: 'tmp/test-realtime-sigterm.sqlite3',
      CACHE_STORE: 'memory',
      LIMITER_STORE: 'memory',
      SHUTDOWN_TIMEOUT_MS: '10000',
    }
    runAce(['migration:run', '--force'], env)
    const server = await startServer(await freePort(), env)
    cleanup(async () => {
      await server.stop()
    })
    const stream = await openStream(server.url)
    cleanup(() => stream.close())
    assert.equal(stream.status, 200)
    const started = Date.now()
    assert.equal(await server.stop(), 0)
    assert.isBelow(Date.now() - started, 5000)
  })
    .skip(...needsPlugins('notifications'))
    .timeout(60_000)
})
