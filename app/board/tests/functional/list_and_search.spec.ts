import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import { ManageCategories } from '#board/actions/manage_categories'
import { signedInUser, uniqueName } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'
import { assertLiteralSearch } from '#tests/helpers/literal_search'

const ids = (body: { post_list: { id: number }[] }) => body.post_list.map((p) => p.id)

test.group('GET /board/:category (list)', (group) => {
  group.each.setup(() => limiter.clear())

  test('a board lists its whole subtree, newest first, with an exact total', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const deeper = await new ManageCategories().create(uniqueName('d'), category)
    const author = await signedInUser(client)
    const a = await createPost(client, author, category)
    const b = await createPost(client, author, deeper.name)
    const c = await createPost(client, author, board)

    const boardList = await client.get(`/api/v1/board/${board}`)
    boardList.assertStatus(200)
    assert.deepEqual(ids(boardList.body()), [c.id, b.id, a.id])
    assert.equal(boardList.body().total, 3)
    assert.isNull(boardList.body().next_cursor)
    const item = boardList.body().post_list[0]
    assert.deepEqual(Object.keys(item).sort(), [
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

    const middle = await client.get(`/api/v1/board/${category}`)
    assert.deepEqual(ids(middle.body()), [b.id, a.id])
    assert.equal(middle.body().total, 2)
    const leaf = await client.get(`/api/v1/board/${deeper.name}`)
    assert.deepEqual(ids(leaf.body()), [b.id])
  })

  test('page and cursor pagination agree; next_cursor ends at the last page', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const created = []
    for (let i = 0; i < 7; i++)
      created.push(await createPost(client, author, category, { title: `p${i}` }))
    const newestFirst = created.map((p) => p.id).reverse()

    const page1 = await client.get(`/api/v1/board/${board}`).qs({ size: 3 })
    const page2 = await client.get(`/api/v1/board/${board}`).qs({ size: 3, page: 2 })
    const page3 = await client.get(`/api/v1/board/${board}`).qs({ size: 3, page: 3 })
    assert.deepEqual(
      [...ids(page1.body()), ...ids(page2.body()), ...ids(page3.body())],
      newestFirst
    )
    assert.equal(page1.body().total, 7)

    const viaCursor = await client
      .get(`/api/v1/board/${board}`)
      .qs({ size: 3, cursor: page1.body().next_cursor })
    assert.deepEqual(ids(viaCursor.body()), ids(page2.body()))
    const last = await client
      .get(`/api/v1/board/${board}`)
      .qs({ size: 3, cursor: viaCursor.body().next_cursor })
    assert.deepEqual(ids(last.body()), ids(page3.body()))
    assert.isNull(last.body().next_cursor)
    const beyond = await client.get(`/api/v1/board/${board}`).qs({ size: 3, page: 10 })
    assert.deepEqual(beyond.body().post_list, [])
    assert.equal(beyond.body().total, 7)
  })

  test('size defaults to 10 and is bounded; bad page and cursor values are 422', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    for (let i = 0; i < 11; i++) await createPost(client, author, category)
    const defaults = await client.get(`/api/v1/board/${board}`)
    assert.lengthOf(defaults.body().post_list, 10)
    assert.isString(defaults.body().next_cursor)

    for (const qs of [
      { size: 0 },
      { size: 101 },
      { size: 'ten' },
      { size: 2.5 },
      { page: 0 },
      { page: -1 },
      { cursor: 'not-a-cursor!' },
      { cursor: Buffer.from('{"id":"x"}').toString('base64url') },
      { keyword: 'k'.repeat(101) },
    ]) {
      const response = await client.get(`/api/v1/board/${board}`).qs(qs)
      response.assertStatus(422)
    }
    ;(await client.get('/api/v1/board/unknown-category')).assertStatus(404)
  })

  test('keyword matches title, content and author name of the current version, literally', async ({
    client,
    assert,
  }) => {
    await assertLiteralSearch(client, assert, async (board, keyword) => {
      const response = await client.get(`/api/v1/board/${board}`).qs({ keyword })
      response.assertStatus(200)
      assert.equal(response.body().total, response.body().post_list.length)
      return ids(response.body())
    })
  })

  test('total counts exactly what the keyword filter matches across pages', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    for (let i = 0; i < 5; i++)
      await createPost(client, author, category, { title: `match number ${i}` })
    for (let i = 0; i < 3; i++) await createPost(client, author, category, { title: `other ${i}` })
    const page = await client.get(`/api/v1/board/${board}`).qs({ keyword: 'match', size: 2 })
    assert.equal(page.body().total, 5)
    assert.equal(page.body().total_relation, 'eq')
    assert.lengthOf(page.body().post_list, 2)
  })
})
