import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import limiter from '@adonisjs/limiter/services/main'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost, createPostsTitled } from '#tests/helpers/board'

const ids = (body: { post_list: { id: number }[] }) => body.post_list.map((p) => p.id)

test.group('Pinned and locked posts', (group) => {
  group.each.setup(() => limiter.clear())

  test('pin, unpin, lock and unlock: moderators only, 401/403/404, idempotent', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const admin = await signedInUser(client, { role: 'admin' })
    const post = await createPost(client, author, category)
    const gone = await createPost(client, author, category)
    ;(await client.delete(`/api/v1/post/${gone.id}`).headers(author.auth)).assertStatus(204)

    for (const act of ['pin', 'unpin', 'lock', 'unlock']) {
      ;(await client.post(`/api/v1/post/${post.id}/${act}`)).assertStatus(401)
      const member = await client.post(`/api/v1/post/${post.id}/${act}`).headers(author.auth)
      member.assertStatus(403)
      assert.equal(member.body().errors[0].code, 'E_FORBIDDEN')
      ;(await client.post(`/api/v1/post/999999/${act}`).headers(moderator.auth)).assertStatus(404)
      ;(await client.post(`/api/v1/post/${gone.id}/${act}`).headers(moderator.auth)).assertStatus(
        404
      )
    }
    const untouched = await db.from('posts').where('id', post.id).first()
    assert.isNull(untouched.pinned_at)
    assert.isNull(untouched.locked_at)

    const pinned = await client.post(`/api/v1/post/${post.id}/pin`).headers(moderator.auth)
    pinned.assertStatus(200)
    assert.containsSubset(pinned.body(), { id: post.id, pinned: true, locked: false })
    const firstPin = (await db.from('posts').where('id', post.id).first()).pinned_at
    const again = await client.post(`/api/v1/post/${post.id}/pin`).headers(admin.auth)
    again.assertStatus(200)
    assert.isTrue(again.body().pinned)
    // A repeated pin keeps the first time.
    assert.deepEqual((await db.from('posts').where('id', post.id).first()).pinned_at, firstPin)

    const locked = await client.post(`/api/v1/post/${post.id}/lock`).headers(admin.auth)
    assert.containsSubset(locked.body(), { pinned: true, locked: true })
    assert.containsSubset((await client.get(`/api/v1/post/${post.id}`)).body(), {
      pinned: true,
      locked: true,
    })
    ;(await client.post(`/api/v1/post/${post.id}/unpin`).headers(moderator.auth)).assertStatus(200)
    const unlocked = await client.post(`/api/v1/post/${post.id}/unlock`).headers(moderator.auth)
    assert.containsSubset(unlocked.body(), { pinned: false, locked: false })
    assert.containsSubset((await client.get(`/api/v1/post/${post.id}`)).body(), {
      pinned: false,
      locked: false,
    })
  })

  test("pinned posts head their category's first page only; the board lists them in place", async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const [a, b, c, d, e] = await createPostsTitled(client, author, category, [
      'a',
      'b',
      'c',
      'd',
      'e',
    ])
    const inBoard = await createPost(client, author, board, { title: 'board-level' })
    const list = (query: string, name = category) => client.get(`/api/v1/board/${name}?${query}`)

    // Cached before the pins: the pins must drop it.
    assert.deepEqual(ids((await list('size=2')).body()), [e, d])
    ;(await client.post(`/api/v1/post/${b}/pin`).headers(moderator.auth)).assertStatus(200)
    ;(await client.post(`/api/v1/post/${a}/pin`).headers(moderator.auth)).assertStatus(200)
    ;(await client.post(`/api/v1/post/${inBoard.id}/pin`).headers(moderator.auth)).assertStatus(200)

    // Newest pin first, then `size` others; the pinned are left out of the pages after it.
    const first = (await list('size=2')).body()
    assert.deepEqual(ids(first), [a, b, e, d])
    assert.deepEqual(
      first.post_list.map((p: { pinned: boolean }) => p.pinned),
      [true, true, false, false]
    )
    assert.equal(first.total, 5)
    const second = (await list(`size=2&cursor=${first.next_cursor}`)).body()
    assert.deepEqual(ids(second), [c])
    assert.isNull(second.next_cursor)
    assert.deepEqual(ids((await list('size=2&page=2')).body()), [c])

    // The board: its own pinned post first, its child category's pins in their place.
    const boardList = (await list('size=10', board)).body()
    assert.deepEqual(ids(boardList), [inBoard.id, e, d, c, b, a])
    assert.equal(boardList.total, 6)

    // A keyword list keeps its own order.
    assert.deepEqual(ids((await list('keyword=Some')).body()), [e, d, c, b, a])

    ;(await client.post(`/api/v1/post/${a}/unpin`).headers(moderator.auth)).assertStatus(200)
    assert.deepEqual(ids((await list('size=10')).body()), [b, e, d, c, a])
    // A deleted pinned post leaves the head of the list.
    ;(await client.delete(`/api/v1/post/${b}`).headers(moderator.auth)).assertStatus(204)
    assert.deepEqual(ids((await list('size=10')).body()), [e, d, c, a])
  })

  test('a locked post takes no comments or votes (423 E_LOCKED); only moderators edit it', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const other = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const post = await createPost(client, author, category)
    const comment = await createComment(client, other, post.id)
    ;(await client.post(`/api/v1/post/${post.id}/lock`).headers(moderator.auth)).assertStatus(200)

    const refused = [
      client.post(`/api/v1/post/${post.id}/comment`).headers(other.auth).json({ content: 'x' }),
      client.post(`/api/v1/post/${post.id}/comment`).headers(moderator.auth).json({ content: 'x' }),
      client.post(`/api/v1/post/${post.id}/vote`).headers(other.auth),
      client.post(`/api/v1/post/${post.id}/vote`).headers(moderator.auth),
      client.post(`/api/v1/comment/${comment.id}/vote`).headers(author.auth),
      client.put(`/api/v1/post/${post.id}`).headers(author.auth).json({ title: 't', content: 'c' }),
      client.post(`/api/v1/post/${post.id}/history/1/restore`).headers(author.auth),
    ]
    for (const request of refused) {
      const response = await request
      response.assertStatus(423)
      assert.deepEqual(response.body().errors[0], {
        code: 'E_LOCKED',
        message: 'This post is locked',
      })
    }
    // A stranger still gets 403 for an edit, not a hint that the post is locked.
    ;(
      await client
        .put(`/api/v1/post/${post.id}`)
        .headers(other.auth)
        .json({ title: 't', content: 'c' })
    ).assertStatus(403)
    const after = await client.get(`/api/v1/post/${post.id}`)
    assert.containsSubset(after.body(), { version: 1, vote: 0, comment: 1, locked: true })
    assert.equal(
      Number((await db.from('post_votes').where('post_id', post.id).count('* as n'))[0].n),
      0
    )
    assert.equal(
      Number((await db.from('comment_votes').where('comment_id', comment.id).count('* as n'))[0].n),
      0
    )

    // Moderators edit a locked post; reads, the comment list and comment edits go on.
    const edited = await client
      .put(`/api/v1/post/${post.id}`)
      .headers(moderator.auth)
      .json({ title: 'closed', content: 'Closed by a moderator' })
    edited.assertStatus(200)
    assert.containsSubset(edited.body(), { version: 2, title: 'closed', locked: true })
    ;(await client.get(`/api/v1/post/${post.id}/comment`)).assertStatus(200)
    ;(
      await client.put(`/api/v1/comment/${comment.id}`).headers(other.auth).json({ content: 'fix' })
    ).assertStatus(200)

    ;(await client.post(`/api/v1/post/${post.id}/unlock`).headers(moderator.auth)).assertStatus(200)
    await createComment(client, other, post.id)
    ;(await client.post(`/api/v1/post/${post.id}/vote`).headers(other.auth)).assertStatus(200)
    ;(
      await client
        .put(`/api/v1/post/${post.id}`)
        .headers(author.auth)
        .json({ title: 't', content: 'c' })
    ).assertStatus(200)
  })

  test('pins and locks emit post:pinned and post:locked once per change', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const post = await createPost(client, author, category)
    const events = emitter.fake()
    try {
      // Two moderators pin at once: one change, one event.
      await Promise.all([
        client.post(`/api/v1/post/${post.id}/pin`).headers(moderator.auth),
        client.post(`/api/v1/post/${post.id}/pin`).headers(moderator.auth),
      ])
      await client.post(`/api/v1/post/${post.id}/lock`).headers(moderator.auth)
      await client.post(`/api/v1/post/${post.id}/unlock`).headers(moderator.auth)
      const pinnedEvents = events.all().filter((e) => e.event === 'post:pinned')
      assert.lengthOf(pinnedEvents, 1)
      events.assertEmitted(
        'post:pinned',
        ({ data }) => data.postId === post.id && data.pinned && data.actorId === moderator.id
      )
      events.assertEmitted('post:locked', ({ data }) => data.postId === post.id && data.locked)
      events.assertEmitted('post:locked', ({ data }) => data.postId === post.id && !data.locked)
    } finally {
      emitter.restore()
    }
  })

  test('a lock racing comments and votes: every write either lands whole or is refused', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const voters = await Promise.all(Array.from({ length: 6 }, () => signedInUser(client)))
    const post = await createPost(client, author, category)

    const writes = voters.flatMap((voter) => [
      client.post(`/api/v1/post/${post.id}/comment`).headers(voter.auth).json({ content: 'race' }),
      client.post(`/api/v1/post/${post.id}/vote`).headers(voter.auth),
    ])
    const [lock, ...answers] = await Promise.all([
      client.post(`/api/v1/post/${post.id}/lock`).headers(moderator.auth),
      ...writes,
    ])
    lock.assertStatus(200)
    for (const answer of answers) assert.include([200, 201, 423], answer.status())

    const row = await db.from('posts').where('id', post.id).first()
    const comments = await db.from('comments').where('post_id', post.id).count('* as n')
    const votes = await db.from('post_votes').where('post_id', post.id).count('* as n')
    assert.equal(Number(row.comment_count), Number(comments[0].n))
    assert.equal(Number(row.vote_count), Number(votes[0].n))
    assert.equal(Number(comments[0].n), answers.filter((a) => a.status() === 201).length)
    assert.equal(Number(votes[0].n), answers.filter((a) => a.status() === 200).length)
    ;(
      await client
        .post(`/api/v1/post/${post.id}/comment`)
        .headers(author.auth)
        .json({ content: 'x' })
    ).assertStatus(423)
  })
})
