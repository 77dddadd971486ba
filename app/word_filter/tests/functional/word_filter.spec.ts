import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import config from '#word_filter/config'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'

// .env.test lists frak, smeg and gorram.
test.group('Word filter plugin', () => {
  test('refuses a post with a listed word: 422 naming the field, nothing written', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const response = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: 'Frak this', content: 'fine text' })
    response.assertStatus(422)
    assert.deepEqual(response.body(), {
      errors: [
        {
          code: 'E_CONTENT_REFUSED',
          message: 'The title contains a blocked word: "Frak"',
          field: 'title',
        },
      ],
    })
    const written = await db.from('posts').where('user_id', author.id).count('* as total').first()
    assert.equal(Number(written.total), 0)
  })

  test('refuses edits and comments with listed words, accepts clean ones', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category, { title: 'Clean', content: 'ok' })

    const edit = await client
      .put(`/api/v1/post/${post.id}`)
      .headers(author.auth)
      .json({ title: 'Clean', content: 'what the smeg' })
    edit.assertStatus(422)
    assert.equal(edit.body().errors[0].field, 'content')
    const versions = await db.from('post_versions').where('post_id', post.id)
    assert.lengthOf(versions, 1)

    const comment = await client
      .post(`/api/v1/post/${post.id}/comment`)
      .headers(author.auth)
      .json({ content: 'gorram it' })
    comment.assertStatus(422)
    assert.equal(comment.body().errors[0].code, 'E_CONTENT_REFUSED')

    const clean = await createComment(client, author, post.id, 'a classic remark')
    const commentEdit = await client
      .put(`/api/v1/comment/${clean.id}`)
      .headers(author.auth)
      .json({ content: 'FRAK.' })
    commentEdit.assertStatus(422)
  })

  test('404 and 403 come before a refusal', async ({ client }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const other = await signedInUser(client)
    const post = await createPost(client, author, category)
    ;(
      await client.put(`/api/v1/post/${post.id}`).headers(other.auth).json({
        title: 'frak',
        content: 'x',
      })
    ).assertStatus(403)
    ;(
      await client.post('/api/v1/post/999999999/comment').headers(other.auth).json({
        content: 'frak',
      })
    ).assertStatus(404)
  })

  test('in mask mode the text is written with the words masked', async ({ client, assert }) => {
    const saved = config.get()
    config.set({ ...saved, mode: 'mask' })
    try {
      const { category } = await createBoard()
      const author = await signedInUser(client)
      const post = await createPost(client, author, category, {
        title: 'Oh frak',
        content: 'smeg and gorram, but not frakking',
      })
      assert.equal(post.title, 'Oh ****')
      assert.equal(post.content, '**** and ******, but not frakking')
    } finally {
      config.set(saved)
    }
  })
})
