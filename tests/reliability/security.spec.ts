import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { PASSWORD, signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'

test.group('Security: other people’s content', (group) => {
  group.each.setup(() => limiter.clear())

  test('one user can never change or delete another’s content, on every write route', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const owner = await signedInUser(client)
    const intruder = await signedInUser(client)
    const post = await createPost(client, owner, category, { title: 'mine', content: 'original' })
    const comment = await createComment(client, owner, post.id, 'my comment')
    await client
      .put(`/api/v1/post/${post.id}`)
      .headers(owner.auth)
      .json({ title: 'mine v2', content: 'v2' })
    const deletedComment = await createComment(client, owner, post.id, 'deleted by me')
    await client.delete(`/api/v1/comment/${deletedComment.id}`).headers(owner.auth)

    const attempts: [string, string, object?][] = [
      ['put', `/api/v1/post/${post.id}`, { title: 'pwned', content: 'pwned' }],
      ['delete', `/api/v1/post/${post.id}`],
      ['post', `/api/v1/post/${post.id}/history/1/restore`],
      ['put', `/api/v1/comment/${comment.id}`, { content: 'pwned' }],
      ['delete', `/api/v1/comment/${comment.id}`],
      ['post', `/api/v1/comment/${deletedComment.id}/restore`],
      ['get', '/api/v1/moderation/posts'],
      ['get', '/api/v1/moderation/comments'],
    ]
    for (const [method, url, body] of attempts) {
      const request = (client as any)[method](url).headers(intruder.auth)
      const response = await (body ? request.json(body) : request)
      assert.equal(response.status(), 403, `${method} ${url}`)
    }

    // Deleted by its owner, a post cannot be restored by someone else either.
    await client.delete(`/api/v1/post/${post.id}`).headers(owner.auth)
    ;(await client.post(`/api/v1/post/${post.id}/restore`).headers(intruder.auth)).assertStatus(403)

    const versions = await db.from('post_versions').where('post_id', post.id).orderBy('version')
    assert.deepEqual(
      versions.map((v) => v.title),
      ['mine', 'mine v2']
    )
    const commentRow = await db.from('comments').where('id', comment.id).first()
    assert.isNull(commentRow.deleted_at)
    assert.equal(Number(commentRow.current_version), 1)
    const restored = await db.from('comments').where('id', deletedComment.id).first()
    assert.isNotNull(restored.deleted_at)
  }).skip(...needsPlugins('board'))

  test('no response carries a password hash or another user’s token', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const session = await signedInUser(client)
    const post = await createPost(client, session, category)
    const bodies = [
      await client.get('/api/v1/user/me').headers(session.auth),
      await client.put('/api/v1/user').headers(session.auth).json({ name: session.name }),
      await client.get(`/api/v1/post/${post.id}`),
      await client.get(`/api/v1/board/${category}`),
      await client.get(`/api/v1/post/${post.id}/comment`),
      await client
        .post('/api/v1/user/login')
        .json({ username: session.name, password: 'wrong-one' }),
      await client
        .delete('/api/v1/user')
        .headers(session.auth)
        .json({ current_password: 'wrong-one' }),
    ].map((response) => response.text())
    for (const text of bodies) {
      assert.notMatch(text, /\$bcrypt\$|\$2[aby]\$/)
      assert.notInclude(text, session.refresh)
      assert.notInclude(text, PASSWORD)
    }
  }).skip(...needsPlugins('board'))
})
