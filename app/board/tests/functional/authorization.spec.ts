import { test } from '@japa/runner'
import emitter from '@adonisjs/core/services/emitter'
import limiter from '@adonisjs/limiter/services/main'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'

test.group('Board writes: authentication and events', (group) => {
  group.each.setup(() => limiter.clear())

  test('every write route answers 401 without a token and changes nothing', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    const comment = await createComment(client, author, post.id)

    const writes: [string, string][] = [
      ['post', `/api/v1/board/${category}`],
      ['put', `/api/v1/post/${post.id}`],
      ['delete', `/api/v1/post/${post.id}`],
      ['post', `/api/v1/post/${post.id}/restore`],
      ['post', `/api/v1/post/${post.id}/history/1/restore`],
      ['post', `/api/v1/post/${post.id}/vote`],
      ['post', `/api/v1/post/${post.id}/comment`],
      ['put', `/api/v1/comment/${comment.id}`],
      ['delete', `/api/v1/comment/${comment.id}`],
      ['post', `/api/v1/comment/${comment.id}/restore`],
      ['post', `/api/v1/comment/${comment.id}/vote`],
      ['get', '/api/v1/moderation/posts'],
      ['get', '/api/v1/moderation/comments'],
    ]
    for (const [method, url] of writes) {
      const response = await (client as any)[method](url).json({ title: 't', content: 'c' })
      assert.equal(response.status(), 401, `${method} ${url}`)
    }
    const after = await client.get(`/api/v1/post/${post.id}`)
    assert.containsSubset(after.body(), { version: 1, vote: 0, comment: 1 })
  })

  test('writes emit typed events after they commit', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const events = emitter.fake()
    try {
      const post = await createPost(client, author, category, { title: 'evented' })
      await client
        .put(`/api/v1/post/${post.id}`)
        .headers(author.auth)
        .json({ title: 'v2', content: 'c' })
      await client.post(`/api/v1/post/${post.id}/vote`).headers(author.auth)
      const comment = await createComment(client, author, post.id)
      await client.delete(`/api/v1/comment/${comment.id}`).headers(author.auth)
      await client.delete(`/api/v1/post/${post.id}`).headers(author.auth)
      await client.post(`/api/v1/post/${post.id}/restore`).headers(author.auth)

      events.assertEmitted(
        'post:created',
        ({ data }) => data.postId === post.id && data.title === 'evented'
      )
      events.assertEmitted(
        'post:updated',
        ({ data }) => data.postId === post.id && data.version === 2
      )
      events.assertEmitted('vote:toggled', ({ data }) => data.targetId === post.id && data.voted)
      events.assertEmitted('comment:created', ({ data }) => data.commentId === comment.id)
      events.assertEmitted('comment:deleted', ({ data }) => data.commentId === comment.id)
      events.assertEmitted('post:deleted', ({ data }) => data.postId === post.id)
      events.assertEmitted('post:restored', ({ data }) => data.postId === post.id)
      assert.isTrue(true)
    } finally {
      emitter.restore()
    }
  })
})
