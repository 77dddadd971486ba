import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { PASSWORD, signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'

test.group('Posts: create, read, edit, history', (group) => {
  group.each.setup(() => limiter.clear())

  test('creates a post with version 1 in one go', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const response = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: '  Hello  ', content: 'First!' })
    response.assertStatus(201)
    const post = response.body()
    assert.containsSubset(post, {
      title: 'Hello',
      content: 'First!',
      version: 1,
      category,
      user: author.name,
    })
    assert.containsSubset(post, { vote: 0, comment: 0 })
    const versions = await db.from('post_versions').where('post_id', post.id)
    assert.lengthOf(versions, 1)
    assert.equal(versions[0].content, 'First!')
  })

  test('refuses anonymous writers, bad input and unknown categories, writing nothing', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const before = await db.from('posts').count('* as total').first()

    ;(
      await client.post(`/api/v1/board/${category}`).json({ title: 't', content: 'c' })
    ).assertStatus(401)
    for (const body of [
      {},
      { title: '', content: 'x' },
      { title: '   ', content: 'x' },
      { title: 'x'.repeat(256), content: 'x' },
      { title: 'x', content: 'y'.repeat(5001) },
      { title: ['x'], content: 'y' },
      { title: 'x', content: { nested: { deep: true } } },
    ]) {
      const response = await client
        .post(`/api/v1/board/${category}`)
        .headers(author.auth)
        .json(body)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].code, 'E_VALIDATION_ERROR')
    }
    ;(
      await client
        .post('/api/v1/board/no-such-category')
        .headers(author.auth)
        .json({ title: 't', content: 'c' })
    ).assertStatus(404)

    const after = await db.from('posts').count('* as total').first()
    assert.equal(Number(after.total), Number(before.total))
  })

  test('control characters are dropped: a title keeps one line, contents keep their line breaks', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const created = await client.post(`/api/v1/board/${category}`).headers(author.auth).json({
      title: 'nul\u0000 and\nbreak\u001b[31m',
      content: 'line one\n\tline\u0007 two\u0000',
    })
    created.assertStatus(201)
    assert.equal(created.body().title, 'nul and break[31m')
    assert.equal(created.body().content, 'line one\n\tline two')
    const row = await db.from('post_versions').where('post_id', created.body().id).first()
    for (const control of ['\u0000', '\u0007', '\u001b']) {
      assert.notInclude(row.title + row.content, control)
    }

    const onlyControls = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: '\u0000\u0001', content: 'x' })
    onlyControls.assertStatus(422)
    const comment = await client
      .post(`/api/v1/post/${created.body().id}/comment`)
      .headers(author.auth)
      .json({ content: 'a\u0000b' })
    comment.assertStatus(201)
    assert.equal(comment.body().content, 'ab')
  })

  test('GET /post/:id answers 404 for missing, deleted and non-numeric ids', async ({ client }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(200)
    ;(await client.get('/api/v1/post/999999999')).assertStatus(404)
    ;(await client.get('/api/v1/post/abc')).assertStatus(404)
    ;(await client.get('/api/v1/post/1e3')).assertStatus(404)
    ;(await client.delete(`/api/v1/post/${post.id}`).headers(author.auth)).assertStatus(204)
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(404)
    ;(await client.get(`/api/v1/post/${post.id}/history`)).assertStatus(404)
  })

  test('only the author edits; each edit is a new version; history is newest first', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const other = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const post = await createPost(client, author, category, { title: 'v1', content: 'one' })

    ;(
      await client
        .put(`/api/v1/post/${post.id}`)
        .headers(other.auth)
        .json({ title: 'x', content: 'y' })
    ).assertStatus(403)
    ;(
      await client
        .put(`/api/v1/post/${post.id}`)
        .headers(moderator.auth)
        .json({ title: 'x', content: 'y' })
    ).assertStatus(403)
    ;(await client.put(`/api/v1/post/${post.id}`).json({ title: 'x', content: 'y' })).assertStatus(
      401
    )

    const edited = await client
      .put(`/api/v1/post/${post.id}`)
      .headers(author.auth)
      .json({ title: 'v2', content: 'two' })
    edited.assertStatus(200)
    assert.containsSubset(edited.body(), { version: 2, title: 'v2', content: 'two' })

    const history = await client.get(`/api/v1/post/${post.id}/history`)
    history.assertStatus(200)
    assert.deepEqual(
      history.body().map((v: { version: number; title: string }) => [v.version, v.title]),
      [
        [2, 'v2'],
        [1, 'v1'],
      ]
    )
    assert.match(history.body()[0].created_datetime, /Z$/)
  })

  test('restoring an old version creates a new version with its text', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category, { title: 'first', content: 'original' })
    await client
      .put(`/api/v1/post/${post.id}`)
      .headers(author.auth)
      .json({ title: 'second', content: 'vandalised' })

    const restored = await client
      .post(`/api/v1/post/${post.id}/history/1/restore`)
      .headers(author.auth)
    restored.assertStatus(200)
    assert.containsSubset(restored.body(), { version: 3, title: 'first', content: 'original' })
    ;(
      await client.post(`/api/v1/post/${post.id}/history/9/restore`).headers(author.auth)
    ).assertStatus(404)
    const stranger = await signedInUser(client)
    ;(
      await client.post(`/api/v1/post/${post.id}/history/1/restore`).headers(stranger.auth)
    ).assertStatus(403)
  })

  test('CSV download escapes fields and names the file', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category, {
      title: 'a, "quoted" title',
      content: '=1+1\nsecond line',
    })
    const response = await client.get(`/api/v1/post/${post.id}/download`)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv/)
    assert.equal(
      response.header('content-disposition'),
      `attachment; filename="post-${post.id}-history.csv"`
    )
    const text = response.text()
    assert.isTrue(text.startsWith('version,title,content,created_datetime\r\n'))
    assert.include(text, '"a, ""quoted"" title"')
    assert.include(text, `"'=1+1\nsecond line"`)
  })
})

test.group('Posts: delete and restore', (group) => {
  group.each.setup(() => limiter.clear())

  test('the author deletes a post nobody else commented on; it vanishes from reads but stays stored', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    await createComment(client, author, post.id, 'my own comment')

    ;(await client.delete(`/api/v1/post/${post.id}`).headers(author.auth)).assertStatus(204)
    const row = await db.from('posts').where('id', post.id).first()
    assert.isNotNull(row.deleted_at)
    const list = await client.get(`/api/v1/board/${category}`)
    assert.equal(list.body().total, 0)
    ;(await client.delete(`/api/v1/post/${post.id}`).headers(author.auth)).assertStatus(404)
  })

  test('the author gets 409 once others commented; a moderator may delete; others 403', async ({
    client,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const other = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const post = await createPost(client, author, category)
    await createComment(client, other, post.id)

    ;(await client.delete(`/api/v1/post/${post.id}`).headers(other.auth)).assertStatus(403)
    const refused = await client.delete(`/api/v1/post/${post.id}`).headers(author.auth)
    refused.assertStatus(409)
    refused.assertBodyContains({ errors: [{ code: 'E_POST_HAS_COMMENTS' }] })
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(200)
    ;(await client.delete(`/api/v1/post/${post.id}`).headers(moderator.auth)).assertStatus(204)
  })

  test('author and moderators restore; moderators list deleted posts; users may not', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const other = await signedInUser(client)
    const admin = await signedInUser(client, { role: 'admin' })
    const post = await createPost(client, author, category, { title: 'bring me back' })
    ;(await client.post(`/api/v1/post/${post.id}/restore`).headers(author.auth)).assertStatus(404)
    ;(await client.delete(`/api/v1/post/${post.id}`).headers(author.auth)).assertStatus(204)

    ;(await client.get('/api/v1/moderation/posts').headers(other.auth)).assertStatus(403)
    const deleted = await client
      .get('/api/v1/moderation/posts')
      .headers(admin.auth)
      .qs({ size: 100 })
    deleted.assertStatus(200)
    assert.include(
      deleted.body().post_list.map((p: { id: number }) => p.id),
      post.id
    )

    ;(await client.post(`/api/v1/post/${post.id}/restore`).headers(other.auth)).assertStatus(403)
    const restored = await client.post(`/api/v1/post/${post.id}/restore`).headers(admin.auth)
    restored.assertStatus(200)
    assert.equal(restored.body().title, 'bring me back')
    const list = await client.get(`/api/v1/board/${category}`).qs({ keyword: 'bring me' })
    assert.equal(list.body().total, 1)
  })

  test('a deleted author shows as a placeholder in lists and posts, never an error', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    await createComment(client, author, post.id)
    ;(await client.get(`/api/v1/board/${category}`)).assertStatus(200)
    ;(
      await client.delete('/api/v1/user').headers(author.auth).json({ current_password: PASSWORD })
    ).assertStatus(204)

    const list = await client.get(`/api/v1/board/${category}`)
    list.assertStatus(200)
    assert.equal(list.body().post_list[0].user, '(deleted)')
    assert.equal((await client.get(`/api/v1/post/${post.id}`)).body().user, '(deleted)')
    assert.equal(
      (await client.get(`/api/v1/post/${post.id}/comment`)).body().comment_list[0].user,
      '(deleted)'
    )
  })
})
