import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import { signedInUser, uniqueName } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { cacheChangesApplied } from '#tests/helpers/cache_changes'

/**
 * Each test reads (filling the cache), writes, and reads again: the second
 * read must show the write, whatever cache store runs (memory, or Redis L2).
 */
test.group('Cache invalidation', (group) => {
  group.each.setup(() => limiter.clear())

  test('post detail and lists follow edits, votes, comments and deletes', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const voter = await signedInUser(client)
    const post = await createPost(client, author, category, { title: 'before' })

    const read = async () => ({
      detail: (await client.get(`/api/v1/post/${post.id}`)).body(),
      list: (await client.get(`/api/v1/board/${board}`)).body(),
      leaf: (await client.get(`/api/v1/board/${category}`)).body(),
    })
    await read()

    await client
      .put(`/api/v1/post/${post.id}`)
      .headers(author.auth)
      .json({ title: 'after', content: 'new' })
    let seen = await read()
    assert.equal(seen.detail.title, 'after')
    assert.equal(seen.list.post_list[0].title, 'after')
    assert.equal(seen.leaf.post_list[0].title, 'after')

    await client.post(`/api/v1/post/${post.id}/vote`).headers(voter.auth)
    await createComment(client, voter, post.id)
    seen = await read()
    assert.equal(seen.detail.vote, 1)
    assert.equal(seen.list.post_list[0].vote, 1)
    assert.equal(seen.list.post_list[0].comment, 1)

    const second = await createPost(client, author, category, { title: 'newer' })
    seen = await read()
    assert.equal(seen.list.total, 2)
    assert.equal(seen.list.post_list[0].id, second.id)

    await client.delete(`/api/v1/post/${second.id}`).headers(author.auth)
    seen = await read()
    assert.equal(seen.list.total, 1)
    ;(await client.get(`/api/v1/post/${second.id}`)).assertStatus(404)
  })

  test('a post id read before it exists is not cached as missing', async ({ client }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const probe = await createPost(client, author, category)
    ;(await client.get(`/api/v1/post/${probe.id + 1}`)).assertStatus(404)
    const next = await createPost(client, author, category)
    ;(await client.get(`/api/v1/post/${next.id}`)).assertStatus(200)
  })

  test('an author rename shows in cached lists and posts', async ({ client, assert }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    await client.get(`/api/v1/board/${board}`)
    await client.get(`/api/v1/post/${post.id}`)

    const name = uniqueName('renamed')
    ;(await client.put('/api/v1/user').headers(author.auth).json({ name })).assertStatus(200)
    assert.equal((await client.get(`/api/v1/board/${board}`)).body().post_list[0].user, name)
    assert.equal((await client.get(`/api/v1/post/${post.id}`)).body().user, name)
  })

  test('the cache never holds a password hash', async ({ client, assert }) => {
    const { default: cache } = await import('@adonisjs/cache/services/main')
    const session = await signedInUser(client)
    await cacheChangesApplied()
    await client.get('/api/v1/user/me').headers(session.auth)
    const cached = await cache.get({ key: `accounts:auth-user:${session.id}` })
    assert.isObject(cached)
    assert.notInclude(JSON.stringify(cached), 'bcrypt')
    assert.notProperty(cached, 'password')
  })
})
