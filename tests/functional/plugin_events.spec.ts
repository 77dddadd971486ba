import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import { failureCount, pluginFailures } from '#core/plugins/plugin_failures'
import { wireHooks, wireListeners } from '#core/plugins/plugin_wiring'
import { ContentRefused } from '#core/plugins/content_hooks'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'

test.group('Plugin listeners and content hooks', (group) => {
  // The board's events and content hooks are the vehicle.
  group.tap((t) => t.skip(...needsPlugins('board')))
  test('a raw listener that throws does not break the request; it is counted', async ({
    client,
    assert,
    cleanup,
  }) => {
    const listener = () => {
      throw new Error('listener exploded')
    }
    emitter.on('post:created', listener)
    cleanup(() => emitter.off('post:created', listener))
    const before = failureCount('post:created')

    const { category } = await createBoard()
    const author = await signedInUser(client)
    const response = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: 'Still written', content: 'despite the listener' })
    response.assertStatus(201)
    assert.equal(failureCount('post:created'), before + 1)
    const row = await db.from('posts').where('id', response.body().id).first()
    assert.exists(row)
  })

  test('a plugin listener failure is counted under the plugin; its other listeners run', async ({
    client,
    assert,
    cleanup,
  }) => {
    const seen: number[] = []
    const off = wireListeners(emitter, 'test-plugin', {
      'post:created': [
        async () => {
          throw new Error('async failure')
        },
        (payload) => {
          seen.push(payload.postId)
        },
      ],
    })
    cleanup(off)

    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    assert.deepEqual(seen, [post.id])
    const entry = pluginFailures().find(
      (item) => item.plugin === 'test-plugin' && item.event === 'post:created'
    )
    assert.equal(entry?.count, 1)
    assert.equal(entry?.kind, 'listener')
  })

  test('hooks run before the write: they may change or refuse; a crashing hook is skipped', async ({
    client,
    assert,
    cleanup,
  }) => {
    const off = wireHooks('test-plugin', {
      'post:creating': [
        (data) => ({ title: data.title.toUpperCase() }),
        () => {
          throw new TypeError('hook bug')
        },
        (data) => {
          if (data.content.includes('forbidden'))
            throw new ContentRefused('No forbidden content', 'content')
        },
      ],
    })
    cleanup(off)
    const { category } = await createBoard()
    const author = await signedInUser(client)

    const changed = await createPost(client, author, category, { title: 'loud', content: 'ok' })
    assert.equal(changed.title, 'LOUD')
    assert.equal(failureCount('post:creating', 'hook') >= 1, true)

    const refused = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: 'x', content: 'forbidden words' })
    refused.assertStatus(422)
    assert.deepEqual(refused.body(), {
      errors: [{ code: 'E_CONTENT_REFUSED', message: 'No forbidden content', field: 'content' }],
    })
    const count = await db.from('posts').where('user_id', author.id).count('* as total').first()
    assert.equal(Number(count.total), 1)
  })

  test('text a hook changed is validated again: too long or empty answers 422, nothing written', async ({
    client,
    assert,
    cleanup,
  }) => {
    const off = wireHooks('test-plugin', {
      'post:creating': [(data) => ({ title: data.title.repeat(300) })],
    })
    cleanup(off)
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: 'long', content: 'c' })
    post.assertStatus(422)
    assert.equal(post.body().errors[0].field, 'title')
    const count = await db.from('posts').where('user_id', author.id).count('* as total').first()
    assert.equal(Number(count.total), 0)

    off()
    const created = await createPost(client, author, category)
    cleanup(wireHooks('test-plugin', { 'comment:creating': [() => ({ content: '   ' })] }))
    const comment = await client
      .post(`/api/v1/post/${created.id}/comment`)
      .headers(author.auth)
      .json({ content: 'hi' })
    comment.assertStatus(422)
  })
})
