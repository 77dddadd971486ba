import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import db from '@adonisjs/lucid/services/db'
import { ManageWebhooks } from '#webhooks/actions/manage_webhooks'
import { WebhookWorker, type WorkerOptions } from '#webhooks/services/webhook_worker'
import { enqueueDeliveries } from '#webhooks/services/enqueue_deliveries'
import { verifySignature } from '#webhooks/domain/signature'
import { startReceiver, waitUntil } from '#webhooks/tests/receiver'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'
import { runCommand } from '#tests/helpers/ace'
import config from '#webhooks/config'

const FAST: WorkerOptions = {
  pollIntervalMs: 20,
  backoffBaseMs: 40,
  maxAttempts: 3,
  timeoutMs: 2000,
  disableAfter: 3,
  batchSize: 10,
  // The test receivers listen on 127.0.0.1.
  allowPrivateTargets: true,
}
const SECRET = 'test-secret-0123456789'

async function subscribe(url: string, events = ['post:created']) {
  const { subscription } = await new ManageWebhooks().create({ url, events, secret: SECRET }, null)
  return subscription
}

function deliveriesOf(subscriptionId: number) {
  return db.from('webhook_deliveries').where('subscription_id', subscriptionId).orderBy('id')
}

test.group('Webhooks: delivery', (group) => {
  group.each.teardown(async () => {
    await db.from('webhook_deliveries').delete()
    await db.from('webhook_subscriptions').delete()
  })

  test('an event is queued, not sent, during the request; the worker sends it signed', async ({
    client,
    assert,
    cleanup,
  }) => {
    const receiver = await startReceiver(3441)
    cleanup(receiver.close)
    const subscription = await subscribe(receiver.url)
    const { category } = await createBoard()
    const author = await signedInUser(client)

    const post = await createPost(client, author, category, { title: 'Hooked', content: 'body' })
    const [queued] = await deliveriesOf(subscription.id)
    assert.equal(queued.status, 'pending')
    assert.lengthOf(receiver.requests, 0)

    const worker = new WebhookWorker(FAST)
    assert.equal(await worker.tick(), 1)
    assert.lengthOf(receiver.requests, 1)
    const [request] = receiver.requests
    const timestamp = Number(request.headers['x-board-timestamp'])
    assert.isTrue(
      verifySignature(SECRET, timestamp, request.body, String(request.headers['x-board-signature']))
    )
    assert.isFalse(
      verifySignature(
        'other-secret-012345',
        timestamp,
        request.body,
        String(request.headers['x-board-signature'])
      )
    )
    assert.equal(request.headers['x-board-event'], 'post:created')
    assert.equal(request.headers['x-board-delivery'], queued.delivery_key)
    assert.equal(request.headers['content-type'], 'application/json')
    assert.approximately(timestamp, Date.now() / 1000, 5)
    const body = JSON.parse(request.body)
    assert.containsSubset(body, {
      id: queued.delivery_key,
      event: 'post:created',
      data: { postId: post.id, title: 'Hooked', content: 'body' },
    })
    const [sent] = await deliveriesOf(subscription.id)
    assert.equal(sent.status, 'delivered')
    assert.equal(Number(sent.attempts), 1)
    assert.equal(Number(sent.last_status_code), 200)
  }).skip(...needsPlugins('board'))

  test('private, loopback and metadata targets are refused unless allowed, after DNS too', async ({
    client,
    assert,
    cleanup,
  }) => {
    const receiver = await startReceiver(3448)
    cleanup(receiver.close)
    // Subscriptions made while private targets were allowed (or names that resolve to them).
    const targets = [
      receiver.url,
      `http://localhost:3448/hook`,
      `http://0x7f000001:3448/hook`,
      'http://169.254.169.254/latest/meta-data/',
    ]
    const subscriptions = []
    for (const url of targets) subscriptions.push(await subscribe(url))
    const { category } = await createBoard()
    await createPost(client, await signedInUser(client), category)

    const strict = new WebhookWorker({ ...FAST, maxAttempts: 1, allowPrivateTargets: false })
    assert.equal(await strict.tick(), targets.length)
    assert.lengthOf(receiver.requests, 0, 'nothing reached the loopback receiver')
    for (const subscription of subscriptions) {
      const [delivery] = await deliveriesOf(subscription.id)
      assert.equal(delivery.status, 'dead')
      assert.match(delivery.last_error, /non-public address/, subscription.url)
    }

    const saved = config.get()
    config.set({ ...saved, allowPrivateTargets: false })
    cleanup(() => config.set(saved))
    for (const url of ['http://127.0.0.1:8080/', 'http://[::1]/', 'http://169.254.169.254/']) {
      await assert.rejects(() => subscribe(url), /non-public address/)
    }
  }).skip(...needsPlugins('board'))

  test('a failing endpoint is retried with backoff until it answers 2xx', async ({
    client,
    assert,
    cleanup,
  }) => {
    const receiver = await startReceiver(3442, (n) => (n <= 2 ? 500 : 204))
    cleanup(receiver.close)
    const subscription = await subscribe(receiver.url)
    const worker = new WebhookWorker(FAST)
    cleanup(() => worker.stop())
    const { category } = await createBoard()
    await createPost(client, await signedInUser(client), category)

    worker.start()
    await waitUntil(
      async () => (await deliveriesOf(subscription.id))[0]?.status === 'delivered',
      'delivery'
    )
    const [delivery] = await deliveriesOf(subscription.id)
    assert.equal(Number(delivery.attempts), 3)
    assert.equal(Number(delivery.last_status_code), 204)
    assert.deepEqual(
      receiver.requests.map((r) => r.headers['x-board-attempt']),
      ['1', '2', '3']
    )
    assert.lengthOf(new Set(receiver.requests.map((r) => r.headers['x-board-delivery'])), 1)
    // Backoff: about 40 ms, then about 80 ms (+/- 20 % jitter).
    assert.isAtLeast(receiver.requests[1].at - receiver.requests[0].at, 30)
    assert.isAtLeast(receiver.requests[2].at - receiver.requests[1].at, 60)
    const row = await db.from('webhook_subscriptions').where('id', subscription.id).first()
    assert.equal(Number(row.consecutive_failures), 0)
  }).skip(...needsPlugins('board'))

  test('a dead endpoint is marked and disabled without holding up a healthy one', async ({
    client,
    assert,
    cleanup,
  }) => {
    const healthy = await startReceiver(3443)
    cleanup(healthy.close)
    // Nothing listens on 3459: every attempt is refused.
    const dead = await subscribe('http://127.0.0.1:3459/hook')
    const alive = await subscribe(healthy.url)
    const worker = new WebhookWorker(FAST)
    cleanup(() => worker.stop())
    const { category } = await createBoard()
    const author = await signedInUser(client)
    await createPost(client, author, category)

    worker.start()
    await waitUntil(
      async () => (await deliveriesOf(alive.id))[0]?.status === 'delivered',
      'the healthy endpoint'
    )
    assert.lengthOf(healthy.requests, 1)
    const [first] = await deliveriesOf(alive.id)
    assert.equal(first.status, 'delivered')
    assert.equal(Number(first.attempts), 1)

    await waitUntil(async () => (await deliveriesOf(dead.id))[0]?.status === 'dead', 'dead')
    const [failed] = await deliveriesOf(dead.id)
    assert.equal(Number(failed.attempts), 3)
    assert.equal(failed.last_error, 'ECONNREFUSED')
    const deadRow = await db.from('webhook_subscriptions').where('id', dead.id).first()
    assert.isFalse(Boolean(deadRow.active))
    assert.match(deadRow.disabled_reason, /after 3 consecutive failed attempts/)

    // A disabled subscription gets nothing new; the healthy one goes on.
    await createPost(client, author, category)
    await waitUntil(() => healthy.requests.length === 2, 'the second delivery')
    assert.lengthOf(await deliveriesOf(dead.id), 1)
  }).skip(...needsPlugins('board'))

  test('claims are exclusive between workers, and an expired claim is taken over', async ({
    assert,
    cleanup,
  }) => {
    const receiver = await startReceiver(3444)
    cleanup(receiver.close)
    const subscription = await subscribe(receiver.url)
    for (let i = 0; i < 6; i++) await enqueueDeliveries('post:created', { postId: i })

    const one = new WebhookWorker({ ...FAST, batchSize: 4 })
    const two = new WebhookWorker({ ...FAST, batchSize: 4 })
    const [a, b] = await Promise.all([one.claim(), two.claim()])
    const ids = [...a, ...b].map((row) => Number(row.id))
    assert.equal(new Set(ids).size, ids.length, 'no delivery claimed twice')
    assert.isAtLeast(ids.length, 4)
    // Nothing more is due for a third worker while the claims hold, except unclaimed rows.
    const third = await new WebhookWorker(FAST).claim()
    assert.equal(ids.length + third.length, 6)

    // The instance that held them died: once the lease is over another one sends them.
    await db
      .from('webhook_deliveries')
      .where('subscription_id', subscription.id)
      .update({ locked_until: '2000-01-01 00:00:00.000' })
    const restarted = new WebhookWorker(FAST)
    assert.equal(await restarted.tick(), 6)
    assert.lengthOf(receiver.requests, 6)
    const statuses = (await deliveriesOf(subscription.id)).map((row) => row.status)
    assert.deepEqual([...new Set(statuses)], ['delivered'])
  })
})

test.group('Webhooks: commands and actions', (group) => {
  group.each.teardown(async () => {
    await db.from('webhook_deliveries').delete()
    await db.from('webhook_subscriptions').delete()
  })

  test('webhook:create refuses non-http URLs and unknown events', async ({ assert }) => {
    for (const args of [
      ['ftp://example.com/hook', '--events=post:created'],
      ['javascript:alert(1)', '--events=post:created'],
      ['https://example.com/hook', '--events=user:logged-in'],
      ['https://example.com/hook'],
    ]) {
      const result = await runCommand('webhook:create', args)
      assert.equal(result.exitCode, 1, args.join(' '))
    }
    const count = await db.from('webhook_subscriptions').count('* as total').first()
    assert.equal(Number(count.total), 0)
  })

  test('create shows the secret once; it is stored encrypted and never listed', async ({
    assert,
  }) => {
    const created = await runCommand('webhook:create', [
      'https://example.com/hook',
      '--events=post:created,comment:created',
    ])
    assert.equal(created.exitCode, 0)
    const secret = created.output.match(/whsec_[\w-]+/)?.[0]
    assert.exists(secret)
    const row = await db.from('webhook_subscriptions').first()
    assert.notInclude(row.secret_encrypted, secret!)
    assert.deepEqual(JSON.parse(row.events), ['post:created', 'comment:created'])

    const listed = await runCommand('webhook:list', [])
    assert.include(listed.output, 'https://example.com/hook')
    assert.notInclude(listed.output, secret!)
    const actionList = await new ManageWebhooks().list(null)
    assert.notInclude(JSON.stringify(actionList), secret!)
    assert.notProperty(actionList[0], 'secret_encrypted')

    assert.equal((await runCommand('webhook:disable', [String(row.id)])).exitCode, 0)
    assert.isFalse(Boolean((await db.from('webhook_subscriptions').first()).active))
    assert.equal((await runCommand('webhook:enable', [String(row.id)])).exitCode, 0)
    assert.isTrue(Boolean((await db.from('webhook_subscriptions').first()).active))
    assert.equal((await runCommand('webhook:enable', ['999999'])).exitCode, 1)
    assert.equal((await runCommand('webhook:enable', ['abc'])).exitCode, 1)

    await enqueueDeliveries('post:created', { postId: 1 })
    const log = await runCommand('webhook:deliveries', [`--webhook=${row.id}`])
    assert.equal(log.exitCode, 0)
    assert.include(log.output, 'post:created')
    assert.equal((await runCommand('webhook:deliveries', ['--status=bogus'])).exitCode, 1)

    assert.equal((await runCommand('webhook:delete', [String(row.id)])).exitCode, 0)
    const left = await db.from('webhook_deliveries').count('* as total').first()
    assert.equal(Number(left.total), 0)
  })

  test('the actions refuse non-admin users (for the admin panel)', async ({ assert }) => {
    const user = {
      id: 1,
      name: 'u',
      email: 'u@example.com',
      role: 'moderator' as const,
      tokenVersion: 0,
      states: [],
      createdAt: new Date().toISOString(),
      emailVerified: true,
      pendingEmail: null,
    }
    await assert.rejects(() => new ManageWebhooks().list(user), 'Only admins may manage webhooks')
  })
})
