import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import limiter from '@adonisjs/limiter/services/main'
import { SetUserBlocked } from '#accounts/public'
import { openApiDocument } from '#core/controllers/docs_controller'
import { PASSWORD, signedInUser, uniqueName, type Session } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost, createPostsTitled } from '#tests/helpers/board'

const profile = (client: ApiClient, name: string) => client.get(`/api/v1/users/${name}`)
const posts = (client: ApiClient, name: string, query = '') =>
  client.get(`/api/v1/users/${name}/posts${query}`)
const comments = (client: ApiClient, name: string, query = '') =>
  client.get(`/api/v1/users/${name}/comments${query}`)

async function counts(client: ApiClient, name: string) {
  const body = (await profile(client, name)).body()
  return { posts: body.post_count, comments: body.comment_count }
}

/** Every item of a list, following next_cursor, with `size` per page. */
async function walk(client: ApiClient, url: string, list: string, size: number) {
  const ids: number[] = []
  let cursor: string | null = null
  do {
    const query: string = `?size=${size}${cursor ? `&cursor=${cursor}` : ''}`
    const response = await client.get(`${url}${query}`)
    response.assertStatus(200)
    ids.push(...response.body()[list].map((item: { id: number }) => item.id))
    cursor = response.body().next_cursor
  } while (cursor)
  return ids
}

async function deletePost(client: ApiClient, session: Session, id: number) {
  ;(await client.delete(`/api/v1/post/${id}`).headers(session.auth)).assertStatus(204)
}

test.group("A member's posts, comments and counts", (group) => {
  group.each.setup(() => limiter.clear())

  test('the profile counts live posts and live comments on live posts', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const member = await signedInUser(client)
    const other = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    assert.deepEqual(await counts(client, member.name), { posts: 0, comments: 0 })

    const [first, second] = await createPostsTitled(client, member, category, ['one', 'two'])
    const othersPost = await createPost(client, other, category)
    await createComment(client, member, othersPost.id)
    const hidden = await createComment(client, member, othersPost.id)
    await createComment(client, member, first)
    assert.deepEqual(await counts(client, member.name), { posts: 2, comments: 3 })

    await deletePost(client, member, second)
    ;(await client.delete(`/api/v1/comment/${hidden.id}`).headers(member.auth)).assertStatus(204)
    assert.deepEqual(await counts(client, member.name), { posts: 1, comments: 2 })

    // Comments on a deleted post are not visible: they leave the count, and come back with it.
    await deletePost(client, moderator, othersPost.id)
    assert.deepEqual(await counts(client, member.name), { posts: 1, comments: 1 })
    ;(
      await client.post(`/api/v1/post/${othersPost.id}/restore`).headers(moderator.auth)
    ).assertStatus(200)
    assert.deepEqual(await counts(client, member.name), { posts: 1, comments: 2 })
    assert.deepEqual(await counts(client, other.name), { posts: 1, comments: 0 })
  })

  test('GET /users/{name}/posts: live posts, newest first, in the shape of a board list', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const member = await signedInUser(client)
    const other = await signedInUser(client)
    const ids = await createPostsTitled(client, member, category, ['a', 'b', 'c', 'd', 'e'])
    await createPost(client, other, category)
    await deletePost(client, member, ids[1])
    const live = [ids[4], ids[3], ids[2], ids[0]]

    const response = await posts(client, member.name.toUpperCase(), '?size=3')
    response.assertStatus(200)
    const body = response.body()
    assert.deepEqual(Object.keys(body).sort(), [
      'next_cursor',
      'post_list',
      'total',
      'total_relation',
    ])
    assert.equal(body.total, 4)
    assert.equal(body.total_relation, 'eq')
    assert.deepEqual(
      body.post_list.map((post: { id: number }) => post.id),
      live.slice(0, 3)
    )
    assert.deepEqual(Object.keys(body.post_list[0]).sort(), [
      'activity_datetime',
      'avatar_template',
      'category',
      'comment',
      'content',
      'created_datetime',
      'id',
      'locked',
      'pinned',
      'tags',
      'title',
      'updated_datetime',
      'user',
      'vote',
    ])
    assert.equal(body.post_list[0].user, member.name)
    assert.equal(body.post_list[0].category, category)

    // Cursors walk every page; page numbers are the same rows.
    assert.deepEqual(await walk(client, `/api/v1/users/${member.name}/posts`, 'post_list', 2), live)
    const second = await posts(client, member.name, '?size=2&page=2')
    assert.deepEqual(
      second.body().post_list.map((post: { id: number }) => post.id),
      live.slice(2)
    )
    assert.isNull(second.body().next_cursor)
    const beyond = await posts(client, member.name, '?size=2&page=3')
    assert.deepEqual(beyond.body().post_list, [])
  })

  test('GET /users/{name}/comments: live comments on live posts, newest first', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const member = await signedInUser(client)
    const other = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const kept = await createPost(client, other, category)
    const doomed = await createPost(client, other, category)
    const c1 = await createComment(client, member, kept.id, 'first')
    await createComment(client, member, doomed.id, 'on a post that goes')
    const c3 = await createComment(client, member, kept.id, 'third')
    const c4 = await createComment(client, member, kept.id, 'fourth')
    await createComment(client, other, kept.id, 'not the member')
    ;(await client.delete(`/api/v1/comment/${c3.id}`).headers(member.auth)).assertStatus(204)
    await deletePost(client, moderator, doomed.id)

    const response = await comments(client, member.name)
    response.assertStatus(200)
    const body = response.body()
    assert.deepEqual(Object.keys(body).sort(), ['comment_list', 'next_cursor', 'total'])
    assert.equal(body.total, 2)
    assert.isNull(body.next_cursor)
    assert.deepEqual(
      body.comment_list.map((comment: { id: number }) => comment.id),
      [c4.id, c1.id]
    )
    assert.deepEqual(body.comment_list[0], {
      ...body.comment_list[0],
      post_id: kept.id,
      user: member.name,
      content: 'fourth',
      version: 1,
      vote: 0,
    })
    assert.deepEqual(
      await walk(client, `/api/v1/users/${member.name}/comments`, 'comment_list', 1),
      [c4.id, c1.id]
    )
  })

  test('unknown, blocked and deleted members answer 404; bad paging 422', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const member = await signedInUser(client)
    await createPost(client, member, category)
    ;(await posts(client, member.name)).assertStatus(200)

    for (const list of [posts, comments]) {
      const unknown = await list(client, uniqueName('nobody'))
      unknown.assertStatus(404)
      assert.equal(unknown.body().errors[0].code, 'E_NOT_FOUND')
      const badCursor = await list(client, member.name, '?cursor=not-ours')
      badCursor.assertStatus(422)
      assert.equal(badCursor.body().errors[0].field, 'cursor')
      ;(await list(client, member.name, '?size=101')).assertStatus(422)
      ;(await list(client, member.name, '?page=0')).assertStatus(422)
    }

    await new SetUserBlocked().block(member.id, 'spam', null)
    ;(await posts(client, member.name)).assertStatus(404)
    ;(await comments(client, member.name)).assertStatus(404)
    ;(await profile(client, member.name)).assertStatus(404)
    await new SetUserBlocked().unblock(member.id, null)
    ;(await posts(client, member.name)).assertStatus(200)

    ;(
      await client.delete('/api/v1/user').headers(member.auth).json({ current_password: PASSWORD })
    ).assertStatus(204)
    ;(await posts(client, member.name)).assertStatus(404)
    ;(await comments(client, member.name)).assertStatus(404)
    ;(await posts(client, `deleted-user-${member.id}`)).assertStatus(404)
  })

  test('cached lists and counts follow new posts, edits, votes, deletes and renames', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const member = await signedInUser(client)
    const other = await signedInUser(client)
    const first = await createPost(client, member, category, { title: 'before' })
    const othersPost = await createPost(client, other, category)
    const comment = await createComment(client, member, othersPost.id, 'said once')

    const read = async (name = member.name) => ({
      profile: (await profile(client, name)).body(),
      posts: (await posts(client, name)).body(),
      comments: (await comments(client, name)).body(),
    })
    let seen = await read()
    assert.equal(seen.profile.post_count, 1)

    // A new post: in the list and the count at once.
    const second = await createPost(client, member, category, { title: 'newer' })
    seen = await read()
    assert.equal(seen.profile.post_count, 2)
    assert.equal(seen.posts.total, 2)
    assert.equal(seen.posts.post_list[0].id, second.id)

    // An edit, a vote and a comment by someone else show in the member's post list.
    await client
      .put(`/api/v1/post/${first.id}`)
      .headers(member.auth)
      .json({ title: 'after', content: 'edited' })
    await client.post(`/api/v1/post/${first.id}/vote`).headers(other.auth)
    await createComment(client, other, first.id)
    seen = await read()
    const listed = seen.posts.post_list.find((post: { id: number }) => post.id === first.id)
    assert.include(listed, { title: 'after', vote: 1, comment: 1 })
    assert.equal(seen.profile.comment_count, 1)

    // A comment's edit and vote show in the member's comment list.
    await client
      .put(`/api/v1/comment/${comment.id}`)
      .headers(member.auth)
      .json({ content: 'said twice' })
    seen = await read()
    assert.include(seen.comments.comment_list[0], { content: 'said twice', version: 2, vote: 0 })
    await client.post(`/api/v1/comment/${comment.id}/vote`).headers(other.auth)
    seen = await read()
    assert.include(seen.comments.comment_list[0], { content: 'said twice', vote: 1 })

    // Deletes leave lists and counts.
    await deletePost(client, member, second.id)
    ;(await client.delete(`/api/v1/comment/${comment.id}`).headers(member.auth)).assertStatus(204)
    seen = await read()
    assert.equal(seen.profile.post_count, 1)
    assert.equal(seen.profile.comment_count, 0)
    assert.deepEqual(
      seen.posts.post_list.map((post: { id: number }) => post.id),
      [first.id]
    )
    assert.deepEqual(seen.comments.comment_list, [])

    // A rename: the old name is gone, the lists show the new one.
    const name = uniqueName('renamed')
    ;(await client.put('/api/v1/user').headers(member.auth).json({ name })).assertStatus(200)
    ;(await posts(client, member.name)).assertStatus(404)
    seen = await read(name)
    assert.equal(seen.profile.post_count, 1)
    assert.equal(seen.posts.post_list[0].user, name)
  })

  test("the OpenAPI Profile documents the board's counts", async ({ assert }) => {
    const profileSchema = (await openApiDocument()).components.schemas.Profile as {
      properties: Record<string, { type: string }>
    }
    assert.equal(profileSchema.properties.post_count.type, 'integer')
    assert.equal(profileSchema.properties.comment_count.type, 'integer')
  })
})
