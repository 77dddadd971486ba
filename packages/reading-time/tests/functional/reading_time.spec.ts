import { randomBytes } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { ManageCategories } from '@boardcms/plugin-kit/board'
import config from '#reading_time/config'

/*
 * Through the real HTTP API and database, as the app runs the plugin: the
 * board's events write the plugin's table, its route reads it.
 */

const unique = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`

/** Signs up and logs in through the accounts plugin's endpoints; the bearer header. */
async function signIn(client: ApiClient) {
  const name = unique('rt')
  const password = 'reading-time-9'
  const email = `${name}@example.com`
  const signup = await client
    .post('/api/v1/user')
    .json({ name, email, password, password_confirmation: password })
  signup.assertStatus(201)
  const login = await client.post('/api/v1/user/login').json({ username: name, password })
  login.assertStatus(200)
  return { authorization: `Bearer ${login.body().access_token}` }
}

/** A category of a fresh board (operator level, as the board's public entry allows). */
async function createCategory() {
  const categories = new ManageCategories()
  const board = await categories.create(unique('b'))
  return (await categories.create(unique('c'), board.name)).name
}

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ')

test.group('Reading time plugin', (group) => {
  let auth: { authorization: string }
  let category: string

  group.setup(async () => {
    category = await createCategory()
  })
  // One account for the group: signing in costs a bcrypt hash.
  group.each.setup(async ({ context }) => {
    auth ??= await signIn(context.client)
  })

  test('a new post gets its reading time, and an edit changes it', async ({ client, assert }) => {
    const created = await client
      .post(`/api/v1/board/${category}`)
      .headers(auth)
      .json({ title: 'Long read', content: words(450) })
    created.assertStatus(201)
    const id = created.body().id

    const first = await client.get(`/api/v1/post/${id}/reading-time`)
    first.assertStatus(200)
    assert.deepEqual(first.body(), { post_id: id, words: 450, minutes: 3, words_per_minute: 200 })

    ;(
      await client
        .put(`/api/v1/post/${id}`)
        .headers(auth)
        .json({ title: 'Shorter read', content: words(150) })
    ).assertStatus(200)
    const edited = await client.get(`/api/v1/post/${id}/reading-time`)
    assert.deepInclude(edited.body(), { words: 150, minutes: 1 })

    const rows = await db.from('reading_times').where('post_id', id)
    assert.lengthOf(rows, 1)
  })

  test('a deleted post has none (404) until it is restored', async ({ client, assert }) => {
    const created = await client
      .post(`/api/v1/board/${category}`)
      .headers(auth)
      .json({ title: 'Short', content: 'Three small words' })
    const id = created.body().id

    ;(await client.delete(`/api/v1/post/${id}`).headers(auth)).assertStatus(204)
    const hidden = await client.get(`/api/v1/post/${id}/reading-time`)
    hidden.assertStatus(404)
    assert.equal(hidden.body().errors[0].code, 'E_NOT_FOUND')

    ;(await client.post(`/api/v1/post/${id}/restore`).headers(auth)).assertStatus(200)
    const restored = await client.get(`/api/v1/post/${id}/reading-time`)
    restored.assertStatus(200)
    assert.deepInclude(restored.body(), { words: 3, minutes: 1 })
  })

  test('an unknown post answers 404 in the error shape; a non-numeric id matches no route', async ({
    client,
    assert,
  }) => {
    const unknown = await client.get('/api/v1/post/999999999/reading-time')
    unknown.assertStatus(404)
    assert.deepEqual(unknown.body(), {
      errors: [{ code: 'E_NOT_FOUND', message: 'Reading time not found' }],
    })
    ;(await client.get('/api/v1/post/abc/reading-time')).assertStatus(404)
  })

  test('minutes follow the configured reading speed', async ({ client, assert, cleanup }) => {
    const created = await client
      .post(`/api/v1/board/${category}`)
      .headers(auth)
      .json({ title: 'Speed', content: words(300) })
    const before = config.get()
    config.set({ wordsPerMinute: 100 })
    cleanup(() => config.set(before))
    const answer = await client.get(`/api/v1/post/${created.body().id}/reading-time`)
    assert.deepInclude(answer.body(), { words: 300, minutes: 3, words_per_minute: 100 })
  })

  test('the route is in the OpenAPI document, with its answer schema', async ({
    client,
    assert,
  }) => {
    const doc = (await client.get('/docs/openapi.json')).body()
    const operation = doc.paths['/api/v1/post/{id}/reading-time'].get
    assert.deepEqual(operation.tags, ['reading-time'])
    assert.containsSubset(operation.responses['200'], {
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ReadingTime' } } },
    })
    assert.sameMembers(doc.components.schemas.ReadingTime.required, [
      'post_id',
      'words',
      'minutes',
      'words_per_minute',
    ])
  })
})

test.group('Reading time plugin: settings', () => {
  test('a bad READING_TIME_WORDS_PER_MINUTE stops the boot, naming plugin and field', ({
    assert,
  }) => {
    const result = spawnSync(process.execPath, ['ace', 'user:list'], {
      cwd: app.makePath(),
      env: { ...process.env, READING_TIME_WORDS_PER_MINUTE: 'fast' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    assert.equal(result.status, 1)
    assert.match(result.stderr, /^Plugin "reading-time": invalid config field "wordsPerMinute": /)
  }).timeout(60_000)
})
