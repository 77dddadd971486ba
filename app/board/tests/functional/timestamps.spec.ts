import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import type { ApiClient } from '@japa/api-client'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Waits for the start of the next second, so the next few writes share one. */
async function startOfSecond() {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5))
}

/** Runs `writes` within one wall-clock second (tries again when a slow run crosses one). */
async function withinOneSecond<T>(writes: () => Promise<T>) {
  for (let attempt = 0; ; attempt++) {
    await startOfSecond()
    const second = Math.floor(Date.now() / 1000)
    const result = await writes()
    if (Math.floor(Date.now() / 1000) === second) return result
    if (attempt === 2) throw new Error('three tries crossed a second: the machine is too slow')
  }
}

async function readComment(client: ApiClient, postId: number, id: number) {
  const response = await client.get(`/api/v1/post/${postId}/comment`)
  response.assertStatus(200)
  return response.body().comment_list.find((c: { id: number }) => c.id === id) as {
    created_datetime: string
    updated_datetime: string
  }
}

async function edit(client: ApiClient, path: string, auth: Record<string, string>, body: object) {
  const response = await client.put(path).headers(auth).json(body)
  response.assertStatus(200)
}

test.group('Timestamps: milliseconds', (group) => {
  group.each.setup(() => limiter.clear())

  test('a post edited in the second it was created reads as edited', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const { id, fresh } = await withinOneSecond(async () => {
      const post = await createPost(client, author, category, { title: 'v1' })
      const unedited = (await client.get(`/api/v1/post/${post.id}`)).body()
      await edit(client, `/api/v1/post/${post.id}`, author.auth, { title: 'v2', content: 'two' })
      return { id: post.id, fresh: unedited }
    })
    // Not edited yet: one time for both, to the millisecond.
    assert.match(fresh.created_datetime, ISO_MS)
    assert.equal(fresh.updated_datetime, fresh.created_datetime)

    const read = await client.get(`/api/v1/post/${id}`)
    read.assertStatus(200)
    const { created_datetime: created, updated_datetime: updated } = read.body()
    assert.equal(created, fresh.created_datetime)
    assert.match(updated, ISO_MS)
    assert.equal(updated.slice(0, 19), created.slice(0, 19), 'the same second')
    assert.isAbove(Date.parse(updated), Date.parse(created))

    // The list answers the same times as the post.
    const list = await client.get(`/api/v1/board/${category}`)
    const item = list.body().post_list.find((p: { id: number }) => p.id === id)
    assert.deepInclude(item, { created_datetime: created, updated_datetime: updated })

    // Version 1 has the post's time, the newest version the edit's.
    const history = (await client.get(`/api/v1/post/${id}/history`)).body()
    assert.deepEqual(
      history.map((v: { version: number; created_datetime: string }) => [
        v.version,
        v.created_datetime,
      ]),
      [
        [2, updated],
        [1, created],
      ]
    )
  })

  test('a comment edited in the second it was written reads as edited', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    const { id, fresh } = await withinOneSecond(async () => {
      const comment = await createComment(client, author, post.id, 'one')
      const unedited = await readComment(client, post.id, comment.id)
      await edit(client, `/api/v1/comment/${comment.id}`, author.auth, { content: 'two' })
      return { id: comment.id, fresh: unedited }
    })
    assert.match(fresh.created_datetime, ISO_MS)
    assert.equal(fresh.updated_datetime, fresh.created_datetime)

    const comment = await readComment(client, post.id, id)
    assert.equal(comment.created_datetime, fresh.created_datetime)
    assert.match(comment.updated_datetime, ISO_MS)
    assert.isAbove(Date.parse(comment.updated_datetime), Date.parse(comment.created_datetime))

    const history = (await client.get(`/api/v1/comment/${id}/history`)).body()
    assert.deepEqual(
      history.map((v: { version: number; created_datetime: string }) => [
        v.version,
        v.created_datetime,
      ]),
      [
        [2, comment.updated_datetime],
        [1, comment.created_datetime],
      ]
    )
  })
})
