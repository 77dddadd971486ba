import { test } from '@japa/runner'
import env from '#start/env'
import limiter from '@adonisjs/limiter/services/main'
import { ManageCategories } from '#board/actions/manage_categories'
import { signedInUser, uniqueName, type Session } from '#tests/helpers/accounts'
import { createBoard } from '#tests/helpers/board'

type ListBody = { post_list: { id: number }[]; next_cursor: string | null; total: number }
const ids = (body: ListBody) => body.post_list.map((p) => p.id)

async function tagged(client: any, session: Session, category: string, tags: string[]) {
  const response = await client
    .post(`/api/v1/board/${category}`)
    .headers(session.auth)
    .json({ title: 'Tagged', content: 'Tagged content', tags })
  response.assertStatus(201)
  return response.body() as { id: number; tags: string[] }
}

/** The count GET /tags answers for a tag (0 when not listed). */
async function countOf(client: any, tag: string) {
  const response = await client.get(`/api/v1/tags?prefix=${tag}`)
  response.assertStatus(200)
  return (
    (response.body() as { name: string; count: number }[]).find((t) => t.name === tag)?.count ?? 0
  )
}

test.group('Tags', (group) => {
  group.each.setup(() => limiter.clear())

  test('tags are lower-cased and deduplicated, at most 5; bad ones answer 422', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const t = uniqueName('t')
    const post = await tagged(client, author, category, [`${t}-A`, `${t}-a`, ` ${t}_b `])
    assert.deepEqual(post.tags, [`${t}-a`, `${t}_b`])
    assert.deepEqual((await client.get(`/api/v1/post/${post.id}`)).body().tags, [
      `${t}-a`,
      `${t}_b`,
    ])
    assert.deepEqual((await client.get(`/api/v1/board/${category}`)).body().post_list[0].tags, [
      `${t}-a`,
      `${t}_b`,
    ])

    const bad: [unknown, string][] = [
      [['has space'], 'tags.0'],
      [['-leading'], 'tags.0'],
      [['x'.repeat(31)], 'tags.0'],
      [['a', 'b', 'c', 'd', 'e', 'f'], 'tags'],
      ['help', 'tags'],
    ]
    for (const [tags, field] of bad) {
      const response = await client
        .post(`/api/v1/board/${category}`)
        .headers(author.auth)
        .json({ title: 't', content: 'c', tags })
      assert.equal(response.status(), 422, JSON.stringify(tags))
      assert.equal(response.body().errors[0].field, field, JSON.stringify(tags))
    }
    // Six with duplicates that fold to five are fine.
    const folded = await tagged(client, author, category, ['a1', 'A1', 'b1', 'c1', 'd1', 'e1'])
    assert.lengthOf(folded.tags, 5)
  })

  test('edits keep, replace or clear tags; counts follow edits, deletes and restores', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const t = uniqueName('t')
    const post = await tagged(client, author, category, [`${t}x`, `${t}y`])
    assert.equal(await countOf(client, `${t}x`), 1)

    const edit = (body: object) =>
      client
        .put(`/api/v1/post/${post.id}`)
        .headers(author.auth)
        .json({ title: 'T', content: 'C', ...body })
    assert.deepEqual((await edit({})).body().tags, [`${t}x`, `${t}y`])
    assert.deepEqual((await edit({ tags: [`${t}y`, `${t}z`] })).body().tags, [`${t}y`, `${t}z`])
    assert.equal(await countOf(client, `${t}x`), 0)
    assert.equal(await countOf(client, `${t}z`), 1)
    // History is per version, tags per post: a version restore keeps the tags.
    ;(
      await client.post(`/api/v1/post/${post.id}/history/1/restore`).headers(author.auth)
    ).assertStatus(200)
    assert.deepEqual((await client.get(`/api/v1/post/${post.id}`)).body().tags, [`${t}y`, `${t}z`])

    ;(await client.delete(`/api/v1/post/${post.id}`).headers(author.auth)).assertStatus(204)
    assert.equal(await countOf(client, `${t}y`), 0)
    assert.equal((await client.get(`/api/v1/board/${category}?tag=${t}y`)).body().total, 0)
    ;(await client.post(`/api/v1/post/${post.id}/restore`).headers(author.auth)).assertStatus(200)
    assert.equal(await countOf(client, `${t}y`), 1)
    assert.deepEqual(ids((await client.get(`/api/v1/board/${category}?tag=${t}Y`)).body()), [
      post.id,
    ])

    assert.deepEqual((await edit({ tags: [] })).body().tags, [])
    assert.equal(await countOf(client, `${t}y`), 0)
  })

  test('?tag= lists a category or a board, newest first, paged, with an exact total', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const t = uniqueName('t')
    const a = await tagged(client, author, category, [t])
    await tagged(client, author, category, [`${t}other`])
    const b = await tagged(client, author, board, [t, `${t}more`])
    const c = await tagged(client, author, category, [t])

    const boardList = (await client.get(`/api/v1/board/${board}?tag=${t}`)).body()
    assert.deepEqual(ids(boardList), [c.id, b.id, a.id])
    assert.equal(boardList.total, 3)
    const categoryList = (await client.get(`/api/v1/board/${category}?tag=${t}&size=1`)).body()
    assert.deepEqual(ids(categoryList), [c.id])
    assert.equal(categoryList.total, 2)
    const next = (
      await client.get(
        `/api/v1/board/${category}?tag=${t}&size=1&cursor=${categoryList.next_cursor}`
      )
    ).body()
    assert.deepEqual(ids(next), [a.id])
    assert.isNull(next.next_cursor)
    assert.deepEqual(
      ids((await client.get(`/api/v1/board/${board}?tag=${t}&size=2&page=2`)).body()),
      [a.id]
    )
    assert.equal((await client.get(`/api/v1/board/${board}?tag=${t}nope`)).body().total, 0)

    for (const [query, field] of [
      [`tag=${t}&keyword=Tagged`, 'tag'],
      [`tag=${t}&sort=top`, 'sort'],
      ['tag=not%20a%20tag', 'tag'],
    ]) {
      const response = await client.get(`/api/v1/board/${board}?${query}`)
      assert.equal(response.status(), 422, query)
      assert.equal(response.body().errors[0].field, field, query)
    }

    // A category moved to another board takes its tagged posts along.
    const other = await new ManageCategories().create(uniqueName('b'))
    await new ManageCategories().move(category, other.name)
    assert.deepEqual(ids((await client.get(`/api/v1/board/${board}?tag=${t}`)).body()), [b.id])
    assert.deepEqual(ids((await client.get(`/api/v1/board/${other.name}?tag=${t}`)).body()), [
      c.id,
      a.id,
    ])
  })

  test('GET /tags: by prefix, most used first, LIKE characters literal', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const t = uniqueName('p')
    await tagged(client, author, category, [`${t}_one`, `${t}two`])
    await tagged(client, author, category, [`${t}two`])
    await tagged(client, author, category, [`${t}xone`])
    const listed = (await client.get(`/api/v1/tags?prefix=${t.toUpperCase()}`)).body()
    assert.deepEqual(listed, [
      { name: `${t}two`, count: 2 },
      { name: `${t}_one`, count: 1 },
      { name: `${t}xone`, count: 1 },
    ])
    // `_` is a character, not LIKE's wildcard.
    assert.deepEqual(
      (await client.get(`/api/v1/tags?prefix=${t}_`)).body().map((x: { name: string }) => x.name),
      [`${t}_one`]
    )
    const bad = await client.get('/api/v1/tags?prefix=a%25')
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'prefix')
    ;(await client.get('/api/v1/tags')).assertStatus(200)
  })

  test('BOARD_TAGS: only the allowed tags; GET /tags offers the unused ones', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const t = uniqueName('q')
    const previous = env.get('BOARD_TAGS')
    env.set('BOARD_TAGS', `${t}news, ${t.toUpperCase()}help`)
    try {
      const refused = await client
        .post(`/api/v1/board/${category}`)
        .headers(author.auth)
        .json({ title: 't', content: 'c', tags: [`${t}news`, `${t}other`] })
      refused.assertStatus(422)
      assert.equal(refused.body().errors[0].field, 'tags')
      assert.include(refused.body().errors[0].message, `${t}other`)
      await tagged(client, author, category, [`${t}news`])
      assert.deepEqual((await client.get(`/api/v1/tags?prefix=${t}`)).body(), [
        { name: `${t}news`, count: 1 },
        { name: `${t}help`, count: 0 },
      ])
    } finally {
      env.set('BOARD_TAGS', previous ?? '')
    }
  })

  test('concurrent creates and deletes keep the counts exact', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const t = uniqueName('r')
    const created = await Promise.all(
      Array.from({ length: 10 }, () =>
        client
          .post(`/api/v1/board/${category}`)
          .headers(author.auth)
          .json({ title: 't', content: 'c', tags: [t, `${t}b`] })
      )
    )
    created.forEach((response) => response.assertStatus(201))
    assert.equal(await countOf(client, t), 10)
    const deleted = await Promise.all(
      created
        .slice(0, 5)
        .map((response) =>
          client.delete(`/api/v1/post/${response.body().id}`).headers(moderator.auth)
        )
    )
    deleted.forEach((response) => response.assertStatus(204))
    assert.equal(await countOf(client, t), 5)
    assert.equal(await countOf(client, `${t}b`), 5)
    assert.equal((await client.get(`/api/v1/board/${category}?tag=${t}`)).body().total, 5)
  })
})
