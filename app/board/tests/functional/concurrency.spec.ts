import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { signedInUser, type Session } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'

test.group('Concurrency', (group) => {
  group.each.setup(() => limiter.clear())

  test('many concurrent edits give contiguous unique versions and lose no text', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category, { title: 'v1', content: 'start' })

    const edits = 25
    const responses = await Promise.all(
      Array.from({ length: edits }, (_, i) =>
        client
          .put(`/api/v1/post/${post.id}`)
          .headers(author.auth)
          .json({ title: `edit ${i}`, content: `text ${i}` })
      )
    )
    assert.deepEqual(
      responses.map((r) => r.status()),
      Array(edits).fill(200)
    )
    // Each answer shows the edit its own request wrote, with the version it got.
    responses.forEach((response, i) => {
      assert.equal(response.body().title, `edit ${i}`)
      assert.equal(response.body().content, `text ${i}`)
    })
    assert.sameMembers(
      responses.map((r) => r.body().version),
      Array.from({ length: edits }, (_, i) => i + 2)
    )

    const versions = await db.from('post_versions').where('post_id', post.id).orderBy('version')
    assert.deepEqual(
      versions.map((v) => Number(v.version)),
      Array.from({ length: edits + 1 }, (_, i) => i + 1)
    )
    const texts = new Set(versions.map((v) => v.content))
    for (let i = 0; i < edits; i++) assert.isTrue(texts.has(`text ${i}`), `text ${i} kept`)
    const current = await client.get(`/api/v1/post/${post.id}`)
    assert.equal(current.body().version, edits + 1)
  })

  test('concurrent comment edits each answer their own text and version', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    const comment = await createComment(client, author, post.id)
    const edits = 15
    const responses = await Promise.all(
      Array.from({ length: edits }, (_, i) =>
        client
          .put(`/api/v1/comment/${comment.id}`)
          .headers(author.auth)
          .json({ content: `comment text ${i}` })
      )
    )
    responses.forEach((response, i) => {
      assert.equal(response.status(), 200)
      assert.equal(response.body().content, `comment text ${i}`)
    })
    assert.sameMembers(
      responses.map((r) => r.body().version),
      Array.from({ length: edits }, (_, i) => i + 2)
    )
  })

  test('many users voting at once end with an exact count', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    const comment = await createComment(client, author, post.id)
    const voters: Session[] = []
    for (let i = 0; i < 12; i++) voters.push(await signedInUser(client))

    // Everybody votes at once; then half of them take it back, at once.
    await Promise.all(
      voters.map((v) => client.post(`/api/v1/post/${post.id}/vote`).headers(v.auth))
    )
    await Promise.all(
      voters.map((v) => client.post(`/api/v1/comment/${comment.id}/vote`).headers(v.auth))
    )
    await Promise.all(
      voters.slice(0, 6).map((v) => client.post(`/api/v1/post/${post.id}/vote`).headers(v.auth))
    )

    const row = await db.from('posts').where('id', post.id).first()
    const rows = await db.from('post_votes').where('post_id', post.id)
    assert.equal(Number(row.vote_count), 6)
    assert.lengthOf(rows, 6)
    const commentRow = await db.from('comments').where('id', comment.id).first()
    assert.equal(Number(commentRow.vote_count), 12)
    assert.equal((await client.get(`/api/v1/post/${post.id}`)).body().vote, 6)
  })

  test('one user toggling many times at once ends consistent with the vote rows', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    const responses = await Promise.all(
      Array.from({ length: 9 }, () =>
        client.post(`/api/v1/post/${post.id}/vote`).headers(author.auth)
      )
    )
    assert.isTrue(responses.every((r) => r.status() === 200))
    const row = await db.from('posts').where('id', post.id).first()
    const rows = await db.from('post_votes').where('post_id', post.id)
    assert.equal(Number(row.vote_count), rows.length)
    assert.equal(rows.length, 1, 'an odd number of toggles leaves one vote')
  })
})

test.group('Concurrency: creates', (group) => {
  group.each.setup(() => limiter.clear())

  test('many posts and comments created at once in one category all succeed, counters exact', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const authors: Session[] = []
    for (let i = 0; i < 6; i++) authors.push(await signedInUser(client))
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        client
          .post(`/api/v1/board/${category}`)
          .headers(authors[i % authors.length].auth)
          .json({ title: `parallel ${i}`, content: 'at once' })
      )
    )
    assert.deepEqual(
      responses.map((r) => r.status()),
      Array(24).fill(201)
    )
    const list = await client.get(`/api/v1/board/${board}`)
    assert.equal(list.body().total, 24)

    const postId = responses[0].body().id
    const comments = await Promise.all(
      Array.from({ length: 18 }, (_, i) =>
        client
          .post(`/api/v1/post/${postId}/comment`)
          .headers(authors[i % authors.length].auth)
          .json({ content: `comment ${i}` })
      )
    )
    assert.deepEqual(
      comments.map((r) => r.status()),
      Array(18).fill(201)
    )
    assert.equal((await client.get(`/api/v1/post/${postId}`)).body().comment, 18)
  })
})
