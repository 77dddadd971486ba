import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { SetUserBlocked } from '#accounts/public'
import { backgroundSettled } from '#core/background/after_response'
import { sqlNow, sqlTime } from '#core/database/sql_now'
import { FanOutQueue } from '#notifications/services/fan_out_queue'
import { createUser, signedInUser, type Session } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { kindsOf, notificationsOf, unreadCount } from '#notifications/tests/helpers'
import type { ApiClient } from '@japa/api-client'

async function comment(
  client: ApiClient,
  session: Session,
  postId: number,
  content: string,
  replyTo?: number
) {
  const response = await client
    .post(`/api/v1/post/${postId}/comment`)
    .headers(session.auth)
    .json({ content, reply_to: replyTo })
  response.assertStatus(201)
  return response.body() as { id: number }
}

test.group('Notifications: kinds', () => {
  test('a comment notifies the post author (reply_to_post), never the commenter', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const commenter = await signedInUser(client)
    const post = await createPost(client, author, category, { title: 'Hello there' })
    const written = await createComment(client, commenter, post.id)

    const list = await notificationsOf(client, author)
    assert.lengthOf(list.notifications, 1)
    assert.containsSubset(list.notifications[0], {
      kind: 'reply_to_post',
      read: false,
      actor: commenter.name,
      post_id: post.id,
      comment_id: written.id,
      data: { title: 'Hello there' },
    })
    assert.deepEqual(await kindsOf(client, commenter), [])
    // The author's own comment on their post notifies no one.
    await createComment(client, author, post.id)
    assert.lengthOf((await notificationsOf(client, author)).notifications, 1)
  })

  test('a reply to a comment notifies its author (reply_to_comment)', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const [author, first, second] = [
      await signedInUser(client),
      await signedInUser(client),
      await signedInUser(client),
    ]
    const post = await createPost(client, author, category)
    const answered = await comment(client, first, post.id, 'first')
    await comment(client, second, post.id, 'an answer', answered.id)
    assert.deepEqual(await kindsOf(client, first), ['reply_to_comment'])
    assert.deepEqual(await kindsOf(client, author), ['reply_to_post', 'reply_to_post'])
  })

  test('reply_to must be a live comment of the same post', async ({ client }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const one = await createPost(client, author, category)
    const other = await createPost(client, author, category)
    const elsewhere = await createComment(client, author, other.id)
    const response = await client
      .post(`/api/v1/post/${one.id}/comment`)
      .headers(author.auth)
      .json({ content: 'x', reply_to: elsewhere.id })
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ code: 'E_REPLY_TO_INVALID', field: 'reply_to' }] })
  })

  test('@mentions notify existing live members, at most 10 per write, once per cause', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const members: Session[] = []
    for (let i = 0; i < 11; i++) members.push(await signedInUser(client))
    const blocked = await signedInUser(client)
    await new SetUserBlocked().block(blocked.id, null, null)

    const names = members.map((m) => `@${m.name}`).join(' ')
    const post = await createPost(client, author, category, {
      content: `@${blocked.name} @nosuchmember0 mail@${members[0].name} ${names}`,
    })
    await notificationsOf(client, author)
    for (const [index, member] of members.entries()) {
      const kinds = await kindsOf(client, member)
      // members[0] appears after an email-like word (not a mention) and later as a mention.
      assert.deepEqual(kinds, index < 10 ? ['mention'] : [], member.name)
    }
    // (A blocked member cannot sign in: unblocked to look.)
    await new SetUserBlocked().unblock(blocked.id, null)
    assert.deepEqual(await kindsOf(client, blocked), [])

    // An edit mentioning the same member again does not notify twice; a new name does.
    const edited = await client
      .put(`/api/v1/post/${post.id}`)
      .headers(author.auth)
      .json({ title: 'A title', content: `${names} and @${members[10].name}` })
    edited.assertStatus(200)
    assert.deepEqual(await kindsOf(client, members[0]), ['mention'])
    assert.deepEqual(await kindsOf(client, members[10]), [])
    const again = await client
      .put(`/api/v1/post/${post.id}`)
      .headers(author.auth)
      .json({ title: 'A title', content: `Thanks @${members[10].name}` })
    again.assertStatus(200)
    assert.deepEqual(await kindsOf(client, members[10]), ['mention'])

    // In comments too; a mention outranks the reply for the post's author.
    const commenter = await signedInUser(client)
    await comment(client, commenter, post.id, `Right, @${author.name}?`)
    assert.deepEqual(await kindsOf(client, author), ['mention'])
  })

  test('a new post in a watched category (or below it) notifies its watchers', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const [author, watcher, boardWatcher, other] = [
      await signedInUser(client),
      await signedInUser(client),
      await signedInUser(client),
      await signedInUser(client),
    ]
    ;(await client.put(`/api/v1/board/${category}/watch`).headers(watcher.auth)).assertBodyContains(
      { watching: true }
    )
    await client.put(`/api/v1/board/${board}/watch`).headers(boardWatcher.auth)
    await client.put(`/api/v1/board/${category}/watch`).headers(author.auth)
    const post = await createPost(client, author, category, { title: 'News' })
    const list = await notificationsOf(client, watcher)
    assert.containsSubset(list.notifications, [
      { kind: 'watched_category', post_id: post.id, comment_id: null, actor: author.name },
    ])
    assert.deepEqual(await kindsOf(client, boardWatcher), ['watched_category'])
    assert.deepEqual(await kindsOf(client, other), [])
    // No self-notification for the watching author.
    assert.deepEqual(await kindsOf(client, author), [])

    ;(await client.get(`/api/v1/board/${category}/watch`).headers(watcher.auth)).assertBody({
      watching: true,
    })
    const off = await client.delete(`/api/v1/board/${category}/watch`).headers(watcher.auth)
    off.assertBodyContains({ watching: false })
    ;(await client.get(`/api/v1/board/${category}/watch`).headers(watcher.auth)).assertBody({
      watching: false,
    })
    await createPost(client, author, category)
    assert.lengthOf(await kindsOf(client, watcher), 1)
    ;(await client.put('/api/v1/board/nosuchcategory0/watch').headers(watcher.auth)).assertStatus(
      404
    )
  })

  test('a new comment on a watched post notifies its watchers; authors may stop watching', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const [author, watcher, commenter] = [
      await signedInUser(client),
      await signedInUser(client),
      await signedInUser(client),
    ]
    const post = await createPost(client, author, category)
    ;(await client.put(`/api/v1/post/${post.id}/watch`).headers(watcher.auth)).assertStatus(200)
    await createComment(client, commenter, post.id)
    assert.deepEqual(await kindsOf(client, watcher), ['watched_post'])
    assert.deepEqual(await kindsOf(client, author), ['reply_to_post'])

    const state = (session: Session) =>
      client.get(`/api/v1/post/${post.id}/watch`).headers(session.auth)
    ;(await state(author)).assertBody({ watching: true })
    ;(await state(watcher)).assertBody({ watching: true })
    ;(await state(commenter)).assertBody({ watching: false })
    await client.delete(`/api/v1/post/${post.id}/watch`).headers(author.auth)
    await client.delete(`/api/v1/post/${post.id}/watch`).headers(watcher.auth)
    ;(await state(author)).assertBody({ watching: false })
    ;(await state(watcher)).assertBody({ watching: false })
    await createComment(client, commenter, post.id)
    assert.lengthOf(await kindsOf(client, author), 1)
    assert.lengthOf(await kindsOf(client, watcher), 1)

    // Watching again brings the author's replies back.
    await client.put(`/api/v1/post/${post.id}/watch`).headers(author.auth)
    await createComment(client, commenter, post.id)
    assert.lengthOf(await kindsOf(client, author), 2)
    ;(await client.put('/api/v1/post/999999999/watch').headers(watcher.auth)).assertStatus(404)
  })

  test("a moderator's act on a member's content notifies them (moderation)", async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const post = await createPost(client, author, category, { title: 'Off topic' })
    const written = await createComment(client, author, post.id)

    ;(await client.delete(`/api/v1/comment/${written.id}`).headers(moderator.auth)).assertStatus(
      204
    )
    ;(await client.delete(`/api/v1/post/${post.id}`).headers(moderator.auth)).assertStatus(204)
    ;(await client.post(`/api/v1/post/${post.id}/restore`).headers(moderator.auth)).assertStatus(
      200
    )
    const list = await notificationsOf(client, author)
    assert.deepEqual(
      list.notifications.map((n) => n.data.action),
      ['post_restored', 'post_deleted', 'comment_deleted']
    )
    assert.isTrue(list.notifications.every((n) => n.kind === 'moderation'))
    assert.equal(list.notifications[0].actor, moderator.name)
    // The author's own deletions are no moderation.
    const own = await createPost(client, author, category)
    await client.delete(`/api/v1/post/${own.id}`).headers(author.auth)
    assert.lengthOf((await notificationsOf(client, author)).notifications, 3)
  })
})

test.group('Notifications: withdrawn, blocked, deleted', () => {
  test('deleting content withdraws its unread notifications; read ones stay', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const [author, commenter] = [await signedInUser(client), await signedInUser(client)]
    const post = await createPost(client, author, category)
    const first = await createComment(client, commenter, post.id)
    const second = await createComment(client, commenter, post.id)
    assert.equal(await unreadCount(client, author), 2)

    await client.delete(`/api/v1/comment/${first.id}`).headers(commenter.auth)
    const list = await notificationsOf(client, author)
    assert.deepEqual(
      list.notifications.map((n) => n.comment_id),
      [second.id]
    )
    assert.equal(await unreadCount(client, author), 1)

    // A read one stays when its post goes.
    const read = await client
      .post('/api/v1/notifications/read')
      .headers(author.auth)
      .json({ ids: [list.notifications[0].id] })
    read.assertBodyContains({ read: 1 })
    const third = await createComment(client, commenter, post.id)
    const moderator = await signedInUser(client, { role: 'moderator' })
    await client.delete(`/api/v1/post/${post.id}`).headers(moderator.auth)
    const after = await notificationsOf(client, author)
    assert.deepEqual(
      after.notifications.map((n) => [n.kind, n.comment_id]),
      [
        ['moderation', null],
        ['reply_to_post', second.id],
      ]
    )
    assert.notInclude(
      after.notifications.map((n) => n.comment_id),
      third.id
    )
  })

  test('blocked members and deleted content notify no one', async ({ client, assert }) => {
    const { category } = await createBoard()
    const [author, watcher, commenter] = [
      await signedInUser(client),
      await signedInUser(client),
      await signedInUser(client),
    ]
    await client.put(`/api/v1/board/${category}/watch`).headers(watcher.auth)
    await new SetUserBlocked().block(watcher.id, null, null)
    const post = await createPost(client, author, category)
    await createComment(client, commenter, post.id)
    await new SetUserBlocked().unblock(watcher.id, null)
    assert.deepEqual(await kindsOf(client, watcher), [])
    assert.deepEqual(await kindsOf(client, author), ['reply_to_post'])

    // What a member wrote before being blocked, and not yet fanned out, notifies no one.
    const now = sqlNow()
    const [jobId] = await db.table('notification_jobs').insert({
      event: 'comment:created',
      payload: JSON.stringify({
        commentId: (await createComment(client, commenter, post.id)).id,
        postId: post.id,
        userId: commenter.id,
        content: 'x',
        replyToId: null,
      }),
      cursor: 0,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    })
    await backgroundSettled()
    await db.from('notifications').where('user_id', author.id).delete()
    await new SetUserBlocked().block(commenter.id, null, null)
    await FanOutQueue.run(Number(jobId))
    assert.deepEqual(await kindsOf(client, author), [])
  })
})

test.group('Notifications: list, count, read, settings', () => {
  test('the list pages by cursor, filters unread; read by ids or all; count follows', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const [author, commenter, stranger] = [
      await signedInUser(client),
      await signedInUser(client),
      await signedInUser(client),
    ]
    const post = await createPost(client, author, category)
    for (let i = 0; i < 5; i++) await createComment(client, commenter, post.id, `c${i}`)
    assert.equal(await unreadCount(client, author), 5)

    const first = await notificationsOf(client, author, '?size=2')
    assert.lengthOf(first.notifications, 2)
    assert.isString(first.next_cursor)
    const second = await notificationsOf(client, author, `?size=2&cursor=${first.next_cursor}`)
    const third = await notificationsOf(client, author, `?size=2&cursor=${second.next_cursor}`)
    assert.lengthOf(third.notifications, 1)
    assert.isNull(third.next_cursor)
    const ids = [...first.notifications, ...second.notifications, ...third.notifications].map(
      (n) => n.id
    )
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a)
    )

    // Another member cannot mark them read.
    const foreign = await client
      .post('/api/v1/notifications/read')
      .headers(stranger.auth)
      .json({ ids })
    foreign.assertBodyContains({ read: 0 })
    await client
      .post('/api/v1/notifications/read')
      .headers(author.auth)
      .json({ ids: ids.slice(0, 2) })
    assert.equal(await unreadCount(client, author), 3)
    const unread = await notificationsOf(client, author, '?unread=true')
    assert.deepEqual(
      unread.notifications.map((n) => n.id),
      ids.slice(2)
    )
    const all = await client
      .post('/api/v1/notifications/read')
      .headers(author.auth)
      .json({ all: true })
    all.assertBodyContains({ read: 3 })
    assert.equal(await unreadCount(client, author), 0)
    assert.lengthOf((await notificationsOf(client, author)).notifications, 5)

    const nothing = await client.post('/api/v1/notifications/read').headers(author.auth).json({})
    nothing.assertBodyContains({ read: 0 })
    const bad = await client
      .post('/api/v1/notifications/read')
      .headers(author.auth)
      .json({ ids: ['x'] })
    bad.assertStatus(422)
    ;(await client.get('/api/v1/notifications?cursor=nope!').headers(author.auth)).assertStatus(422)
    ;(await client.get('/api/v1/notifications')).assertStatus(401)
  })

  test('settings: defaults, changes per kind; off means no notification', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const [author, commenter] = [await signedInUser(client), await signedInUser(client)]
    const defaults = await client.get('/api/v1/user/notification-settings').headers(author.auth)
    defaults.assertStatus(200)
    assert.deepEqual(defaults.body(), {
      moderation: 'email',
      mention: 'email',
      reply_to_comment: 'email',
      reply_to_post: 'email',
      watched_post: 'app',
      watched_category: 'app',
    })
    const changed = await client
      .put('/api/v1/user/notification-settings')
      .headers(author.auth)
      .json({ reply_to_post: 'off', watched_category: 'email' })
    changed.assertStatus(200)
    assert.containsSubset(changed.body(), {
      reply_to_post: 'off',
      watched_category: 'email',
      mention: 'email',
    })
    const bad = await client
      .put('/api/v1/user/notification-settings')
      .headers(author.auth)
      .json({ mention: 'sms' })
    bad.assertStatus(422)

    const post = await createPost(client, author, category)
    await createComment(client, commenter, post.id)
    assert.deepEqual(await kindsOf(client, author), [])
    await comment(client, commenter, post.id, `@${author.name} look`)
    assert.deepEqual(await kindsOf(client, author), ['mention'])
  })
})

test.group('Notifications: fan-out queue', (group) => {
  let batchSize = FanOutQueue.batchSize
  group.each.setup(() => {
    batchSize = FanOutQueue.batchSize
    return () => {
      FanOutQueue.batchSize = batchSize
    }
  })

  test('watchers are written in batches; an interrupted job resumes from its cursor', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const watchers: number[] = []
    for (let i = 0; i < 25; i++) watchers.push((await createUser()).id)
    const now = sqlNow()
    const categoryId = Number(
      (await db.from('categories').where('name', category).select('id').firstOrFail()).id
    )
    await db.table('notification_watches').multiInsert(
      watchers.map((userId) => ({
        target: 'category',
        target_id: categoryId,
        user_id: userId,
        level: 'watching',
        created_at: now,
      }))
    )
    FanOutQueue.batchSize = 10
    const post = await createPost(client, author, category)
    await backgroundSettled()
    const notified = await db.from('notifications').where('post_id', post.id).count('* as n')
    assert.equal(Number(notified[0].n), 25)
    assert.lengthOf(await db.from('notification_jobs').select('id'), 0)

    // A job whose worker died after its first batch: its lease runs out, the poll resumes it.
    const second = await createPost(client, author, category)
    await backgroundSettled()
    await db
      .from('notifications')
      .where('post_id', second.id)
      .where('user_id', '>', watchers[9])
      .delete()
    const [jobId] = await db.table('notification_jobs').insert({
      event: 'post:created',
      payload: JSON.stringify({
        postId: second.id,
        userId: author.id,
        categoryId,
        title: 'A title',
        content: 'Some content',
      }),
      cursor: watchers[9],
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      locked_until: sqlTime(Date.now() - 1000),
      lock_token: 'dead-worker',
      created_at: now,
      updated_at: now,
    })
    assert.equal(await FanOutQueue.poll(), 1)
    const rows = await db.from('notifications').where('post_id', second.id).select('user_id')
    assert.sameMembers(
      rows.map((row) => Number(row.user_id)),
      watchers
    )
    assert.isNull(await db.from('notification_jobs').where('id', jobId).first())
  })

  test('a failing job is kept for a retry with backoff', async ({ assert }) => {
    const now = sqlNow()
    const [jobId] = await db.table('notification_jobs').insert({
      event: 'no:such-event',
      payload: '{}',
      cursor: 0,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    })
    await FanOutQueue.run(Number(jobId))
    const job = await db.from('notification_jobs').where('id', jobId).firstOrFail()
    assert.equal(job.status, 'pending')
    assert.equal(Number(job.attempts), 1)
    assert.isNull(job.lock_token)
    assert.include(job.last_error, 'no:such-event')
    await db.from('notification_jobs').where('id', jobId).delete()
  })
})
