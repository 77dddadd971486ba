import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { signedInUser, type Session } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { openApiValidator } from '#tests/helpers/openapi'
import config from '#moderation/config'
import { ManageWebhooks } from '#webhooks/public'
import env from '#start/env'
import { png, upload } from '#tests/helpers/uploads'
import { needsPlugins } from '#tests/helpers/plugins'

const report = (client: ApiClient, who: Session, kind: 'post' | 'comment', id: number, body = {}) =>
  client
    .post(`/api/v1/${kind}/${id}/report`)
    .headers(who.auth)
    .json({ reason: 'spam', ...body })

const members = (client: ApiClient, n: number) =>
  Promise.all(Array.from({ length: n }, () => signedInUser(client)))

async function listTotal(client: ApiClient, category: string) {
  const response = await client.get(`/api/v1/board/${category}`)
  response.assertStatus(200)
  return response.body() as { total: number; post_list: { id: number }[] }
}

async function queue(client: ApiClient, moderator: Session, qs = '') {
  const response = await client.get(`/api/v1/moderation/reports${qs}`).headers(moderator.auth)
  response.assertStatus(200)
  return response.body()
}

test.group('Reports', (group) => {
  group.each.setup(() => limiter.clear())

  test('a member reports a post or comment once; not their own, not missing content', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const [reporter] = await members(client, 1)
    const post = await createPost(client, author, category)
    const comment = await createComment(client, author, post.id)
    const api = await openApiValidator()

    const first = await report(client, reporter, 'post', post.id, { reason: 'abuse', note: 'rude' })
    first.assertStatus(201)
    api.check('POST', '/api/v1/post/{id}/report', 201, first.body())
    assert.include(first.body(), { target_type: 'post', target_id: post.id, reason: 'abuse' })

    const again = await report(client, reporter, 'post', post.id)
    again.assertStatus(409)
    assert.equal(again.body().errors[0].code, 'E_ALREADY_REPORTED')

    const own = await report(client, author, 'post', post.id)
    own.assertStatus(403)
    assert.equal(own.body().errors[0].code, 'E_FORBIDDEN')
    ;(await report(client, author, 'comment', comment.id)).assertStatus(403)
    ;(await report(client, reporter, 'comment', comment.id)).assertStatus(201)
    ;(await report(client, reporter, 'post', 999999999)).assertStatus(404)
    ;(await report(client, reporter, 'comment', 999999999)).assertStatus(404)
    ;(await report(client, reporter, 'post', post.id, { reason: 'boring' })).assertStatus(422)
    ;(await client.post(`/api/v1/post/${post.id}/report`).json({ reason: 'spam' })).assertStatus(
      401
    )

    // Deleted content cannot be reported.
    const other = await createPost(client, author, category)
    ;(await client.delete(`/api/v1/post/${other.id}`).headers(author.auth)).assertStatus(204)
    ;(await report(client, reporter, 'post', other.id)).assertStatus(404)
  })

  test('REPORTS_TO_HIDE distinct reporters hide a post from lists and reads until a moderator decides', async ({
    client,
    assert,
  }) => {
    assert.equal(config.get().reportsToHide, 3)
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const reporters = await members(client, 4)
    const post = await createPost(client, author, category, { title: 'Cheap pills' })
    const before = await listTotal(client, category)

    for (const reporter of reporters.slice(0, 2)) {
      ;(await report(client, reporter, 'post', post.id)).assertStatus(201)
    }
    // Two reports: still shown (and cached reads stay right after the third).
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(200)
    ;(await report(client, reporters[2], 'post', post.id)).assertStatus(201)

    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(404)
    ;(await client.get(`/api/v1/post/${post.id}/comment`)).assertStatus(404)
    const after = await listTotal(client, category)
    assert.equal(after.total, before.total - 1)
    assert.notInclude(
      after.post_list.map((p) => p.id),
      post.id
    )
    assert.notInclude(
      (await listTotal(client, board)).post_list.map((p) => p.id),
      post.id
    )
    // Hidden: no more reports (it is not there for members), and its author cannot bring it back.
    ;(await report(client, reporters[3], 'post', post.id)).assertStatus(404)
    const restore = await client.post(`/api/v1/post/${post.id}/restore`).headers(author.auth)
    restore.assertStatus(409)
    assert.equal(restore.body().errors[0].code, 'E_HIDDEN_BY_MODERATION')

    // Moderators see it, with its reports, in the queue.
    const open = await queue(client, moderator)
    const item = open.case_list.find(
      (c: any) => c.target.type === 'post' && c.target.id === post.id
    )
    assert.exists(item)
    assert.equal(item.report_count, 3)
    assert.equal(item.reports.length, 3)
    assert.include(item.target, { title: 'Cheap pills', hidden: true, live: false })
    assert.deepEqual(
      item.reports.map((r: any) => r.reporter_id),
      reporters.slice(0, 3).map((r) => r.id)
    )
    const api = await openApiValidator()
    api.check('GET', '/api/v1/moderation/reports', 200, open)

    // Dismissed: shown again, every report closed together.
    const resolved = await client
      .post(`/api/v1/moderation/reports/${item.reports[1].id}/resolve`)
      .headers(moderator.auth)
      .json({ action: 'dismiss', note: 'not spam' })
    resolved.assertStatus(200)
    api.check('POST', '/api/v1/moderation/reports/{id}/resolve', 200, resolved.body())
    assert.equal(resolved.body().status, 'resolved')
    assert.include(resolved.body().resolution, { action: 'dismiss', moderator_id: moderator.id })
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(200)
    assert.equal((await listTotal(client, category)).total, before.total)
    const rows = await db.from('reports').where('case_id', item.id).whereNull('resolved_at')
    assert.lengthOf(rows, 0)

    const twice = await client
      .post(`/api/v1/moderation/reports/${item.reports[0].id}/resolve`)
      .headers(moderator.auth)
      .json({ action: 'delete' })
    twice.assertStatus(409)
    assert.equal(twice.body().errors[0].code, 'E_ALREADY_RESOLVED')

    const closed = await queue(client, moderator, '?status=resolved&size=50')
    assert.isTrue(closed.case_list.some((c: any) => c.id === item.id))
    assert.isFalse((await queue(client, moderator)).case_list.some((c: any) => c.id === item.id))

    // A new report after the decision opens a new case.
    ;(await report(client, reporters[0], 'post', post.id)).assertStatus(201)
  })

  test('the queue and resolving are for moderators; bad input is 422', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const denied = await client.get('/api/v1/moderation/reports').headers(member.auth)
    denied.assertStatus(403)
    ;(
      await client
        .post('/api/v1/moderation/reports/1/resolve')
        .headers(member.auth)
        .json({ action: 'dismiss' })
    ).assertStatus(403)
    ;(
      await client
        .post('/api/v1/moderation/reports/999999999/resolve')
        .headers(moderator.auth)
        .json({ action: 'dismiss' })
    ).assertStatus(404)
    ;(
      await client
        .post('/api/v1/moderation/reports/1/resolve')
        .headers(moderator.auth)
        .json({ action: 'burn' })
    ).assertStatus(422)
    ;(
      await client.get('/api/v1/moderation/reports?status=all').headers(moderator.auth)
    ).assertStatus(422)
    const badCursor = await client
      .get('/api/v1/moderation/reports?cursor=nope!')
      .headers(moderator.auth)
    badCursor.assertStatus(422)
    assert.equal(badCursor.body().errors[0].field, 'cursor')
  })

  test('the queue is oldest first and cursor-paginated', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const [reporter] = await members(client, 1)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const ids: number[] = []
    for (let i = 0; i < 3; i++) {
      const post = await createPost(client, author, category)
      ;(await report(client, reporter, 'post', post.id)).assertStatus(201)
      ids.push(post.id)
    }
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const page: any = await queue(
        client,
        moderator,
        `?size=2${cursor ? `&cursor=${cursor}` : ''}`
      )
      assert.isAtMost(page.case_list.length, 2)
      seen.push(...page.case_list.map((c: any) => c.id))
      cursor = page.next_cursor
    } while (cursor)
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b)
    )
    const targets = (await db.from('report_cases').whereIn('id', seen)).map((c) =>
      Number(c.target_id)
    )
    for (const id of ids) assert.include(targets, id)
  })

  test('delete, restore and block_author; audited', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const [reporter] = await members(client, 1)

    // delete: the post goes.
    const spam = await createPost(client, author, category)
    const first = (await report(client, reporter, 'post', spam.id)).body()
    const deleted = await client
      .post(`/api/v1/moderation/reports/${first.id}/resolve`)
      .headers(moderator.auth)
      .json({ action: 'delete' })
    deleted.assertStatus(200)
    assert.include(deleted.body().target, { live: false, hidden: false })
    ;(await client.get(`/api/v1/post/${spam.id}`)).assertStatus(404)

    // restore: content its author deleted after it was reported comes back.
    const fine = await createPost(client, author, category)
    const second = (await report(client, reporter, 'post', fine.id)).body()
    ;(await client.delete(`/api/v1/post/${fine.id}`).headers(author.auth)).assertStatus(204)
    ;(
      await client
        .post(`/api/v1/moderation/reports/${second.id}/resolve`)
        .headers(moderator.auth)
        .json({ action: 'restore' })
    ).assertStatus(200)
    ;(await client.get(`/api/v1/post/${fine.id}`)).assertStatus(200)

    // block_author on a comment: the comment goes, the author is blocked.
    const comment = await createComment(client, author, fine.id)
    const third = (await report(client, reporter, 'comment', comment.id)).body()
    ;(
      await client
        .post(`/api/v1/moderation/reports/${third.id}/resolve`)
        .headers(moderator.auth)
        .json({ action: 'block_author', note: 'spammer' })
    ).assertStatus(200)
    const comments = await client.get(`/api/v1/post/${fine.id}/comment`)
    assert.equal(comments.body().total, 0)
    const me = await client.get('/api/v1/user/me').headers(author.auth)
    me.assertStatus(403)
    assert.equal(me.body().errors[0].code, 'E_USER_BLOCKED')

    // Staff are admins' to block: a moderator's block_author on a moderator is 403, the case stays open.
    const colleague = await signedInUser(client, { role: 'moderator' })
    const theirs = await createPost(client, colleague, category)
    const fourth = (await report(client, reporter, 'post', theirs.id)).body()
    ;(
      await client
        .post(`/api/v1/moderation/reports/${fourth.id}/resolve`)
        .headers(moderator.auth)
        .json({ action: 'block_author' })
    ).assertStatus(403)
    const stillOpen = await db.from('report_cases').where('id', fourth.case_id).first()
    assert.equal(Number(stillOpen.open), 1)
    ;(await client.get(`/api/v1/post/${theirs.id}`)).assertStatus(200)

    const entries = await db
      .from('audit_entries')
      .where('actor_id', moderator.id)
      .where('action', 'like', 'report.%')
      .orderBy('id')
    assert.deepEqual(
      entries.map((e) => [e.action, e.resource_type, Number(e.resource_id)]),
      [
        ['report.delete', 'post', spam.id],
        ['report.restore', 'post', fine.id],
        ['report.block_author', 'comment', comment.id],
      ]
    )
  })

  test('a hidden comment leaves its post’s comments and count', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const reporters = await members(client, 3)
    const post = await createPost(client, author, category)
    const comment = await createComment(client, author, post.id)
    for (const reporter of reporters) {
      ;(await report(client, reporter, 'comment', comment.id)).assertStatus(201)
    }
    const list = await client.get(`/api/v1/post/${post.id}/comment`)
    assert.equal(list.body().total, 0)
    assert.lengthOf(list.body().comment_list, 0)
    assert.equal((await client.get(`/api/v1/post/${post.id}`)).body().comment, 0)
    const restore = await client.post(`/api/v1/comment/${comment.id}/restore`).headers(author.auth)
    restore.assertStatus(409)

    const reportId = (await db.from('reports').orderBy('id', 'desc').first()).id
    ;(
      await client
        .post(`/api/v1/moderation/reports/${reportId}/resolve`)
        .headers(moderator.auth)
        .json({ action: 'dismiss' })
    ).assertStatus(200)
    assert.equal((await client.get(`/api/v1/post/${post.id}/comment`)).body().total, 1)
    assert.equal((await client.get(`/api/v1/post/${post.id}`)).body().comment, 1)
  })

  test('a hidden post’s files answer 404 to strangers until a moderator shows it again', async ({
    client,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const reporters = await members(client, 3)
    const image = await upload(client, author, await png(), { filename: 'a.png' })
    image.assertStatus(201)
    const created = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: 'With a file', content: 'See', attachments: [image.body().id] })
    created.assertStatus(201)
    const file = new URL(image.body().url, 'http://localhost').pathname
    ;(await client.get(file)).assertStatus(200)

    for (const reporter of reporters) {
      ;(await report(client, reporter, 'post', created.body().id)).assertStatus(201)
    }
    ;(await client.get(file)).assertStatus(404)
    const reportId = (await db.from('reports').orderBy('id', 'desc').first()).id
    ;(
      await client
        .post(`/api/v1/moderation/reports/${reportId}/resolve`)
        .headers(moderator.auth)
        .json({ action: 'dismiss' })
    ).assertStatus(200)
    ;(await client.get(file)).assertStatus(200)
  }).skip(...needsPlugins('uploads'))

  test('report:created and report:resolved reach webhook subscriptions', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { subscription } = await new ManageWebhooks().create(
      {
        url: 'http://127.0.0.1:9/hook',
        events: ['report:created', 'report:resolved'],
        secret: 'reports-webhook-secret-0123456789',
      },
      null
    )
    cleanup(() => new ManageWebhooks().delete(subscription.id, null))
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const [reporter] = await members(client, 1)
    const post = await createPost(client, author, category)
    const created = await report(client, reporter, 'post', post.id)
    created.assertStatus(201)
    ;(
      await client
        .post(`/api/v1/moderation/reports/${created.body().id}/resolve`)
        .headers(moderator.auth)
        .json({ action: 'dismiss' })
    ).assertStatus(200)
    const deliveries = await db
      .from('webhook_deliveries')
      .where('subscription_id', subscription.id)
      .orderBy('id')
    assert.deepEqual(
      deliveries.map((d) => d.event),
      ['report:created', 'report:resolved']
    )
    assert.include(deliveries[0].body, `"targetId":${post.id}`)
  }).skip(...needsPlugins('webhooks'))

  test('concurrent reports of one target count exactly and hide it once', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const reporters = await members(client, 8)
    const post = await createPost(client, author, category)
    const before = await listTotal(client, category)

    const answers = await Promise.all(reporters.map((r) => report(client, r, 'post', post.id)))
    const statuses = answers.map((a) => a.status())
    const created = statuses.filter((s) => s === 201).length
    // Those that arrive after the hide find nothing to report.
    assert.deepEqual(
      statuses.filter((s) => s !== 201 && s !== 404),
      []
    )
    assert.isAtLeast(created, 3)
    const cases = await db.from('report_cases').where({ target_type: 'post', target_id: post.id })
    assert.lengthOf(cases, 1)
    assert.equal(Number(cases[0].report_count), created)
    const rows = await db.from('reports').where('case_id', cases[0].id).count('* as n')
    assert.equal(Number(rows[0].n), created)
    assert.equal((await listTotal(client, category)).total, before.total - 1)
  })

  test('reports are rate limited per member (RATE_LIMIT_NEW_USER_REPORTS for a new account)', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const [reporter] = await members(client, 1)
    // Reporters here are new accounts (.env.test sets it; the default is 3).
    const limit = env.get('RATE_LIMIT_NEW_USER_REPORTS') ?? 3
    const posts = []
    for (let i = 0; i <= limit; i++) posts.push(await createPost(client, author, category))
    for (const post of posts.slice(0, limit)) {
      ;(await report(client, reporter, 'post', post.id)).assertStatus(201)
    }
    const limited = await report(client, reporter, 'post', posts[limit].id)
    limited.assertStatus(429)
    assert.isAbove(Number(limited.header('retry-after')), 0)
  })
})
