import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'

test.group('Comments', (group) => {
  group.each.setup(() => limiter.clear())

  test('create, list oldest first, edit as a new version, history, delete, restore', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const commenter = await signedInUser(client)
    const post = await createPost(client, author, category)

    const first = await createComment(client, commenter, post.id, 'first')
    const second = await createComment(client, author, post.id, 'second')
    assert.equal(first.version, 1)

    const list = await client.get(`/api/v1/post/${post.id}/comment`)
    list.assertStatus(200)
    assert.equal(list.body().total, 2)
    assert.deepEqual(
      list.body().comment_list.map((c: { content: string }) => c.content),
      ['first', 'second']
    )
    assert.equal((await client.get(`/api/v1/post/${post.id}`)).body().comment, 2)

    ;(
      await client
        .put(`/api/v1/comment/${first.id}`)
        .headers(author.auth)
        .json({ content: 'hijack' })
    ).assertStatus(403)
    const edited = await client
      .put(`/api/v1/comment/${first.id}`)
      .headers(commenter.auth)
      .json({ content: 'first, edited' })
    edited.assertStatus(200)
    assert.containsSubset(edited.body(), { version: 2, content: 'first, edited' })
    const history = await client.get(`/api/v1/comment/${first.id}/history`)
    assert.deepEqual(
      history.body().map((v: { version: number }) => v.version),
      [2, 1]
    )

    ;(await client.delete(`/api/v1/comment/${second.id}`).headers(commenter.auth)).assertStatus(403)
    ;(await client.delete(`/api/v1/comment/${second.id}`).headers(author.auth)).assertStatus(204)
    assert.equal((await client.get(`/api/v1/post/${post.id}/comment`)).body().total, 1)
    assert.equal((await client.get(`/api/v1/post/${post.id}`)).body().comment, 1)
    ;(await client.get(`/api/v1/comment/${second.id}/history`)).assertStatus(404)

    ;(await client.post(`/api/v1/comment/${second.id}/restore`).headers(author.auth)).assertStatus(
      200
    )
    assert.equal((await client.get(`/api/v1/post/${post.id}`)).body().comment, 2)
  })

  test('comments, votes and edits on missing or deleted posts answer 404 and write nothing', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    const comment = await createComment(client, author, post.id)
    ;(await client.delete(`/api/v1/post/${post.id}`).headers(author.auth)).assertStatus(204)
    const before = await db.from('comments').count('* as total').first()

    ;(
      await client
        .post(`/api/v1/post/${post.id}/comment`)
        .headers(author.auth)
        .json({ content: 'x' })
    ).assertStatus(404)
    ;(
      await client.post('/api/v1/post/999999/comment').headers(author.auth).json({ content: 'x' })
    ).assertStatus(404)
    ;(await client.post(`/api/v1/post/${post.id}/vote`).headers(author.auth)).assertStatus(404)
    ;(await client.post(`/api/v1/comment/${comment.id}/vote`).headers(author.auth)).assertStatus(
      404
    )
    ;(
      await client.put(`/api/v1/comment/${comment.id}`).headers(author.auth).json({ content: 'x' })
    ).assertStatus(404)
    ;(await client.get(`/api/v1/post/${post.id}/comment`)).assertStatus(404)

    const after = await db.from('comments').count('* as total').first()
    assert.equal(Number(after.total), Number(before.total))
    assert.lengthOf(await db.from('post_votes').where('post_id', post.id), 0)
  })

  test('comment input is validated', async ({ client }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    for (const body of [{}, { content: '' }, { content: 'x'.repeat(2001) }, { content: 42 }]) {
      ;(
        await client.post(`/api/v1/post/${post.id}/comment`).headers(author.auth).json(body)
      ).assertStatus(422)
    }
    ;(await client.post(`/api/v1/post/${post.id}/comment`).json({ content: 'anon' })).assertStatus(
      401
    )
  })

  test('comment pages by page and by cursor give the same rows', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    for (let i = 1; i <= 5; i++) await createComment(client, author, post.id, `c${i}`)

    const page2 = await client.get(`/api/v1/post/${post.id}/comment`).qs({ size: 2, page: 2 })
    const first = await client.get(`/api/v1/post/${post.id}/comment`).qs({ size: 2 })
    const viaCursor = await client
      .get(`/api/v1/post/${post.id}/comment`)
      .qs({ size: 2, cursor: first.body().next_cursor })
    assert.deepEqual(viaCursor.body().comment_list, page2.body().comment_list)
    assert.deepEqual(
      page2.body().comment_list.map((c: { content: string }) => c.content),
      ['c3', 'c4']
    )
  })
})

test.group('Votes', (group) => {
  group.each.setup(() => limiter.clear())

  test('a vote toggles per user on posts and comments', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const voter = await signedInUser(client)
    const post = await createPost(client, author, category)
    const comment = await createComment(client, author, post.id)

    const on = await client.post(`/api/v1/post/${post.id}/vote`).headers(voter.auth)
    on.assertBody({ voted: true, vote: 1 })
    const second = await client.post(`/api/v1/post/${post.id}/vote`).headers(author.auth)
    second.assertBody({ voted: true, vote: 2 })
    const off = await client.post(`/api/v1/post/${post.id}/vote`).headers(voter.auth)
    off.assertBody({ voted: false, vote: 1 })
    assert.equal((await client.get(`/api/v1/post/${post.id}`)).body().vote, 1)

    ;(await client.post(`/api/v1/comment/${comment.id}/vote`).headers(voter.auth)).assertBody({
      voted: true,
      vote: 1,
    })
    ;(await client.post(`/api/v1/comment/${comment.id}/vote`).headers(voter.auth)).assertBody({
      voted: false,
      vote: 0,
    })
    ;(await client.post(`/api/v1/post/${post.id}/vote`)).assertStatus(401)
  })
})
