import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createPostsTitled } from '#tests/helpers/board'
import { cacheChangesApplied } from '#tests/helpers/cache_changes'
import { statementsOf } from '#tests/helpers/statements'

/**
 * The guard of docs/performance.md's "Uncached reads": a read that misses
 * the cache runs one statement (a post without plugin fields; a list page
 * after a cursor, its total included).
 */

test.group('Reads that miss the cache: statements per request', (group) => {
  group.each.setup(() => limiter.clear())

  test('a post read: one statement', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const [id] = await createPostsTitled(client, author, category, ['one'])
    // The category tree is cached by then (the list reads it).
    await cacheChangesApplied()
    ;(await client.get(`/api/v1/board/${category}`)).assertStatus(200)
    const seen = await statementsOf(client, `/api/v1/post/${id}`)
    assert.lengthOf(seen, 1, seen.join('\n'))
    const answer = await client.get(`/api/v1/post/${id}`)
    assert.deepEqual(answer.body().attachments, [])
  })

  test('a list page after a cursor no one asked before: one statement, total included', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const ids = await createPostsTitled(client, author, category, ['a', 'b', 'c', 'd', 'e'])
    await cacheChangesApplied()
    ;(await client.get(`/api/v1/board/${board}`)).assertStatus(200)
    const cursor = (id: number) => Buffer.from(JSON.stringify({ id })).toString('base64url')
    // Newest first after a cursor; the other sorts (their cursors carry the sort key) on page 2.
    for (const path of [
      `${board}?size=2&cursor=${cursor(ids[3])}`,
      `${category}?size=2&cursor=${cursor(ids[3])}`,
      `${board}?sort=activity&size=2&page=2`,
      `${board}?sort=top&size=2&page=2`,
    ]) {
      const seen = await statementsOf(client, `/api/v1/board/${path}`)
      assert.lengthOf(seen, 1, `${path}: ${seen.join('\n')}`)
    }
    const page = await client.get(`/api/v1/board/${board}?size=2&cursor=${cursor(ids[3])}`)
    assert.equal(page.body().total, 5)
    assert.deepEqual(
      page.body().post_list.map((post: { id: number }) => post.id),
      [ids[2], ids[1]]
    )
    // Past the last post: an empty page still tells the total.
    const after = await client.get(`/api/v1/board/${board}?cursor=${cursor(ids[0])}`)
    assert.equal(after.body().total, 5)
    assert.lengthOf(after.body().post_list, 0)
  })
})
