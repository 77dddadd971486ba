import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { backgroundSettled } from '#core/background/after_response'
import { signedInUser, type Session } from '#tests/helpers/accounts'
import { createBoard } from '#tests/helpers/board'
import { openApiValidator } from '#tests/helpers/openapi'
import { needsPlugins } from '#tests/helpers/plugins'
import config from '#moderation/config'
import { ManageWebhooks } from '#webhooks/public'
import { png, upload } from '#tests/helpers/uploads'

/** A post as the API answers it, with the approval status when it has one. */
type Answered = { id: number; title: string; status?: string }

async function submit(client: ApiClient, who: Session, category: string, title = 'A title') {
  return client
    .post(`/api/v1/board/${category}`)
    .headers(who.auth)
    .json({ title, content: `Content of ${title}` })
}

/** A post held for approval (202). */
async function held(client: ApiClient, who: Session, category: string, title = 'Held') {
  const response = await submit(client, who, category, title)
  response.assertStatus(202)
  return response.body() as Answered
}

const decide = (
  client: ApiClient,
  who: Session,
  id: number,
  act: 'approve' | 'reject',
  body = {}
) => client.post(`/api/v1/moderation/posts/${id}/${act}`).headers(who.auth).json(body)

async function listOf(client: ApiClient, category: string) {
  const response = await client.get(`/api/v1/board/${category}`)
  response.assertStatus(200)
  const body = response.body() as { total: number; post_list: { id: number }[] }
  return { total: body.total, ids: body.post_list.map((p) => p.id) }
}

async function pendingQueue(client: ApiClient, moderator: Session, qs = '?size=50') {
  const response = await client.get(`/api/v1/moderation/posts/pending${qs}`).headers(moderator.auth)
  response.assertStatus(200)
  return response.body() as { total: number; post_list: Answered[]; next_cursor: string | null }
}

async function kindsAndActions(client: ApiClient, who: Session) {
  await backgroundSettled()
  const response = await client.get('/api/v1/notifications').headers(who.auth)
  response.assertStatus(200)
  return (response.body().notifications as any[]).map((n) => [n.kind, n.post_id, n.data.action])
}

test.group('Approval queue', (group) => {
  let saved: ReturnType<typeof config.get>
  group.each.setup(async () => {
    await limiter.clear()
    saved = config.get()
    config.set({ ...saved, newUserApprovalPosts: 2 })
    return () => config.set(saved)
  })

  test('NEW_USER_APPROVAL_POSTS defaults to 0: every post is live at once', async ({ client }) => {
    config.set({ ...saved, newUserApprovalPosts: 0 })
    const { category } = await createBoard()
    const member = await signedInUser(client)
    ;(await submit(client, member, category)).assertStatus(201)
  })

  test('a new member’s post waits, seen by its author and staff only; approval publishes it; trust grows', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const stranger = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const api = await openApiValidator()
    const before = await listOf(client, category)

    const created = await submit(client, author, category, 'First words')
    created.assertStatus(202)
    api.check('POST', '/api/v1/board/{category}', 202, created.body())
    const post = created.body() as Answered
    assert.equal(post.status, 'pending')
    assert.equal(post.title, 'First words')

    // Nowhere public: not listed or counted, 404 to anonymous readers and other members
    // (also once that 404 is cached), its comments and history 404 too.
    assert.deepEqual(await listOf(client, category), before)
    assert.notInclude((await listOf(client, board)).ids, post.id)
    const search = await client.get(`/api/v1/board/${category}?keyword=words`)
    assert.notInclude(
      search.body().post_list.map((p: Answered) => p.id),
      post.id
    )
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(404)
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(404)
    ;(await client.get(`/api/v1/post/${post.id}`).headers(stranger.auth)).assertStatus(404)
    ;(await client.get(`/api/v1/post/${post.id}/comment`)).assertStatus(404)
    // A bearer that does not authenticate is told so, as on every public read.
    ;(
      await client.get(`/api/v1/post/${post.id}`).header('authorization', 'Bearer nonsense')
    ).assertStatus(401)
    const own = await client.get(`/api/v1/post/${post.id}`).headers(author.auth)
    own.assertStatus(200)
    api.check('GET', '/api/v1/post/{id}', 200, own.body())
    assert.equal(own.body().status, 'pending')
    assert.equal(own.header('cache-control'), 'private, no-store')
    const staffView = await client.get(`/api/v1/post/${post.id}`).headers(moderator.auth)
    assert.equal(staffView.body().status, 'pending')
    ;(
      await client
        .post(`/api/v1/post/${post.id}/comment`)
        .headers(author.auth)
        .json({ content: 'x' })
    ).assertStatus(404)
    // Only the queue publishes it: restoring is refused, to its author and to staff.
    for (const who of [author, moderator]) {
      const restore = await client.post(`/api/v1/post/${post.id}/restore`).headers(who.auth)
      restore.assertStatus(409)
      assert.equal(restore.body().errors[0].code, 'E_PENDING_APPROVAL')
    }

    // The queue shows it to moderators.
    const queue = await pendingQueue(client, moderator)
    api.check('GET', '/api/v1/moderation/posts/pending', 200, queue)
    assert.include(
      queue.post_list.map((p) => p.id),
      post.id
    )
    assert.isTrue(queue.post_list.every((p) => p.status === 'pending'))

    const approved = await decide(client, moderator, post.id, 'approve')
    approved.assertStatus(200)
    api.check('POST', '/api/v1/moderation/posts/{id}/approve', 200, approved.body())
    assert.equal(approved.body().status, 'published')
    const after = await listOf(client, category)
    assert.equal(after.total, before.total + 1)
    assert.equal(after.ids[0], post.id)
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(200)
    assert.notProperty((await client.get(`/api/v1/post/${post.id}`)).body(), 'status')
    assert.include(
      (await client.get(`/api/v1/board/${category}?keyword=words`))
        .body()
        .post_list.map((p: Answered) => p.id),
      post.id
    )
    assert.notInclude(
      (await pendingQueue(client, moderator)).post_list.map((p) => p.id),
      post.id
    )

    // Decided once: again is 409, for approve and reject; a missing post is 404.
    for (const act of ['approve', 'reject'] as const) {
      const again = await decide(client, moderator, post.id, act)
      again.assertStatus(409)
      assert.equal(again.body().errors[0].code, 'E_NOT_PENDING')
    }
    ;(await decide(client, moderator, 999999999, 'approve')).assertStatus(404)

    // One published post of two: the next still waits; after the second approval, trust.
    const second = await held(client, author, category, 'Second')
    ;(await decide(client, moderator, second.id, 'approve')).assertStatus(200)
    const third = await submit(client, author, category, 'Third')
    third.assertStatus(201)
    assert.notProperty(third.body(), 'status')
    assert.equal((await listOf(client, category)).total, before.total + 3)

    const entries = await db
      .from('audit_entries')
      .where('actor_id', moderator.id)
      .where('action', 'post.approved')
      .orderBy('id')
    assert.deepEqual(
      entries.map((e) => Number(e.resource_id)),
      [post.id, second.id]
    )
  })

  test('rejecting keeps the post unpublished for good; its author is notified', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const before = await listOf(client, category)
    const post = await held(client, author, category, 'Spam offer')

    const rejected = await decide(client, moderator, post.id, 'reject', { reason: 'advertising' })
    rejected.assertStatus(200)
    const api = await openApiValidator()
    api.check('POST', '/api/v1/moderation/posts/{id}/reject', 200, rejected.body())
    assert.equal(rejected.body().status, 'rejected')
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(404)
    ;(await client.get(`/api/v1/post/${post.id}`).headers(author.auth)).assertStatus(404)
    assert.deepEqual(await listOf(client, category), before)
    for (const who of [author, moderator]) {
      const restore = await client.post(`/api/v1/post/${post.id}/restore`).headers(who.auth)
      restore.assertStatus(409)
      assert.equal(restore.body().errors[0].code, 'E_NOT_APPROVED')
    }
    ;(await decide(client, moderator, post.id, 'approve')).assertStatus(409)

    assert.deepEqual(await kindsAndActions(client, author), [
      ['moderation', post.id, 'post_rejected'],
    ])
    const entry = await db
      .from('audit_entries')
      .where({ action: 'post.rejected', resource_type: 'post', resource_id: post.id })
      .first()
    assert.equal(Number(entry.actor_id), moderator.id)
    assert.include(JSON.stringify(entry.details), 'advertising')
    // A rejected post does not count towards trust: the next post waits too.
    await held(client, author, category, 'Again')

    const long = await decide(client, moderator, post.id, 'reject', { reason: 'x'.repeat(501) })
    long.assertStatus(422)
  }).skip(...needsPlugins('notifications', 'audit'))

  test('a waiting post notifies nobody; approved, it notifies as a new post', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const watcher = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    ;(await client.put(`/api/v1/board/${category}/watch`).headers(watcher.auth)).assertStatus(200)
    const post = await held(client, author, category, `Hello @${watcher.name}`)
    assert.deepEqual(await kindsAndActions(client, watcher), [])

    ;(await decide(client, moderator, post.id, 'approve')).assertStatus(200)
    // Mentioned and watching: one notification per cause, the mention wins.
    assert.deepEqual(await kindsAndActions(client, watcher), [['mention', post.id, undefined]])
    assert.deepEqual(await kindsAndActions(client, author), [])
  }).skip(...needsPlugins('notifications'))

  test('post:approved, post:created and post:rejected reach webhook subscriptions', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { subscription } = await new ManageWebhooks().create(
      {
        url: 'http://127.0.0.1:9/hook',
        events: ['post:created', 'post:approved', 'post:rejected'],
        secret: 'approvals-webhook-secret-0123456789',
      },
      null
    )
    cleanup(() => new ManageWebhooks().delete(subscription.id, null))
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const first = await held(client, author, category, 'One')
    const second = await held(client, author, category, 'Two')
    // Waiting posts are announced to nobody.
    const none = await db.from('webhook_deliveries').where('subscription_id', subscription.id)
    assert.lengthOf(none, 0)

    ;(await decide(client, moderator, first.id, 'approve')).assertStatus(200)
    ;(await decide(client, moderator, second.id, 'reject')).assertStatus(200)
    const deliveries = await db
      .from('webhook_deliveries')
      .where('subscription_id', subscription.id)
      .orderBy('id')
    assert.deepEqual(
      deliveries.map((d) => d.event),
      ['post:approved', 'post:created', 'post:rejected']
    )
    assert.include(deliveries[0].body, `"postId":${first.id}`)
    assert.include(deliveries[1].body, `"postId":${first.id}`)
    assert.include(deliveries[2].body, `"postId":${second.id}`)
  }).skip(...needsPlugins('webhooks'))

  test('staff never wait; the queue and decisions are for moderators; bad input is 422', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const moderator = await signedInUser(client, { role: 'moderator' })
    const admin = await signedInUser(client, { role: 'admin' })
    const member = await signedInUser(client)
    ;(await submit(client, moderator, category)).assertStatus(201)
    ;(await submit(client, admin, category)).assertStatus(201)
    const post = await held(client, member, category)

    const refused = await client.get('/api/v1/moderation/posts/pending').headers(member.auth)
    refused.assertStatus(403)
    assert.equal(refused.body().errors[0].code, 'E_FORBIDDEN')
    ;(await decide(client, member, post.id, 'approve')).assertStatus(403)
    ;(await decide(client, member, post.id, 'reject')).assertStatus(403)
    ;(await client.get('/api/v1/moderation/posts/pending')).assertStatus(401)
    ;(await client.post(`/api/v1/moderation/posts/${post.id}/approve`)).assertStatus(401)
    ;(
      await client.get('/api/v1/moderation/posts/pending?cursor=nonsense').headers(admin.auth)
    ).assertStatus(422)
    ;(
      await client.get('/api/v1/moderation/posts/pending?size=51').headers(admin.auth)
    ).assertStatus(422)
    // Admins decide too.
    ;(await decide(client, admin, post.id, 'approve')).assertStatus(200)
  })

  test('its author withdraws a waiting post; others cannot delete it', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const stranger = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const post = await held(client, author, category)

    ;(await client.delete(`/api/v1/post/${post.id}`).headers(stranger.auth)).assertStatus(404)
    const staff = await client.delete(`/api/v1/post/${post.id}`).headers(moderator.auth)
    staff.assertStatus(409)
    assert.equal(staff.body().errors[0].code, 'E_PENDING_APPROVAL')
    ;(await client.delete(`/api/v1/post/${post.id}`).headers(author.auth)).assertStatus(204)
    assert.notInclude(
      (await pendingQueue(client, moderator)).post_list.map((p) => p.id),
      post.id
    )
    ;(await client.get(`/api/v1/post/${post.id}`).headers(author.auth)).assertStatus(404)
    ;(await decide(client, moderator, post.id, 'approve')).assertStatus(409)
    const restore = await client.post(`/api/v1/post/${post.id}/restore`).headers(author.auth)
    restore.assertStatus(409)
    assert.equal(restore.body().errors[0].code, 'E_NOT_APPROVED')
  })

  test('its author edits a waiting post; the approved post is the edited one', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const stranger = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const post = await held(client, author, category, 'Draft title')
    const put = (who: Session, title: string) =>
      client
        .put(`/api/v1/post/${post.id}`)
        .headers(who.auth)
        .json({ title, content: 'Edited content' })

    const edited = await put(author, 'Zanzibar title')
    edited.assertStatus(200)
    assert.include(edited.body(), { status: 'pending', version: 2, title: 'Zanzibar title' })
    const api = await openApiValidator()
    api.check('PUT', '/api/v1/post/{id}', 200, edited.body())
    ;(await put(stranger, 'Hijack')).assertStatus(404)
    const staff = await put(moderator, 'Staff edit')
    staff.assertStatus(403)
    // Not searchable while waiting, edited text included.
    const search = () => client.get(`/api/v1/board/${category}?keyword=zanzibar`)
    assert.lengthOf((await search()).body().post_list, 0)

    ;(await decide(client, moderator, post.id, 'approve')).assertStatus(200)
    const read = await client.get(`/api/v1/post/${post.id}`)
    assert.include(read.body(), { title: 'Zanzibar title', version: 2 })
    assert.deepEqual(
      (await search()).body().post_list.map((p: Answered) => p.id),
      [post.id]
    )
    // Edited after approval: an ordinary edit of a live post.
    const live = await put(author, 'Zanzibar again')
    live.assertStatus(200)
    assert.notProperty(live.body(), 'status')
  })

  test('a waiting post’s tags and files count and show only once it is approved', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const tag = `t${Date.now().toString(36)}`
    const image = await upload(client, author, await png(), { filename: 'a.png' })
    image.assertStatus(201)
    const created = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: 'Tagged', content: 'See', tags: [tag], attachments: [image.body().id] })
    created.assertStatus(202)
    assert.deepEqual(created.body().tags, [tag])
    const file = new URL(image.body().url, 'http://localhost').pathname
    const tagCount = async () =>
      Number((await db.from('tags').where('name', tag).first())?.post_count ?? 0)

    assert.equal(await tagCount(), 0)
    ;(await client.get(`/api/v1/board/${category}?tag=${tag}`)).assertBodyContains({ total: 0 })
    ;(await client.get(file)).assertStatus(404)

    ;(await decide(client, moderator, created.body().id, 'approve')).assertStatus(200)
    assert.equal(await tagCount(), 1)
    const tagged = await client.get(`/api/v1/board/${category}?tag=${tag}`)
    assert.deepEqual(
      tagged.body().post_list.map((p: Answered) => p.id),
      [created.body().id]
    )
    ;(await client.get(file)).assertStatus(200)
  }).skip(...needsPlugins('uploads'))

  test('the queue is oldest first and cursor-paginated', async ({ client, assert }) => {
    const { category } = await createBoard()
    const moderator = await signedInUser(client, { role: 'moderator' })
    const author = await signedInUser(client)
    const ids: number[] = []
    for (const title of ['q1', 'q2', 'q3'])
      ids.push((await held(client, author, category, title)).id)

    const seen: number[] = []
    let qs = '?size=2'
    for (;;) {
      const page = await pendingQueue(client, moderator, qs)
      assert.isAtMost(page.post_list.length, 2)
      seen.push(...page.post_list.map((p) => p.id))
      if (!page.next_cursor) break
      qs = `?size=2&cursor=${page.next_cursor}`
    }
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b)
    )
    assert.deepEqual(
      seen.filter((id) => ids.includes(id)),
      ids
    )
    const total = (await pendingQueue(client, moderator)).total
    assert.equal(total, seen.length)
  })

  test('concurrent approvals and rejections: one decision wins, counts are exact', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const moderators = await Promise.all(
      [1, 2, 3].map(() => signedInUser(client, { role: 'moderator' }))
    )
    const author = await signedInUser(client)
    const before = await listOf(client, category)
    const posts: Answered[] = []
    for (let i = 0; i < 4; i++) posts.push(await held(client, author, category, `c${i}`))

    // Every moderator approves and rejects the first post at once: exactly one wins.
    const answers = await Promise.all(
      moderators.flatMap((m) => [
        decide(client, m, posts[0].id, 'approve'),
        decide(client, m, posts[0].id, 'reject'),
      ])
    )
    const statuses = answers.map((a) => a.status())
    assert.equal(statuses.filter((s) => s === 200).length, 1)
    assert.equal(statuses.filter((s) => s === 409).length, statuses.length - 1)
    const won = answers.find((a) => a.status() === 200)!.body().status
    const expected = before.total + (won === 'published' ? 1 : 0)
    assert.equal((await listOf(client, category)).total, expected)

    // The other three approved at once, twice each: three more, exactly.
    const rest = await Promise.all(
      posts
        .slice(1)
        .flatMap((p, i) => [
          decide(client, moderators[i], p.id, 'approve'),
          decide(client, moderators[(i + 1) % 3], p.id, 'approve'),
        ])
    )
    assert.equal(rest.filter((a) => a.status() === 200).length, 3)
    assert.equal(rest.filter((a) => a.status() === 409).length, 3)
    const after = await listOf(client, category)
    assert.equal(after.total, expected + 3)
    const row = await db.from('categories').where('name', category).first()
    assert.equal(Number(row.post_count), after.total)
    assert.lengthOf(
      await db
        .from('posts')
        .whereIn(
          'id',
          posts.map((p) => p.id)
        )
        .where('pending', 1),
      0
    )
  })
})
