import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { sqlTime } from '#core/database/sql_now'
import { toIso } from '#core/database/to_iso'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPostsTitled } from '#tests/helpers/board'

type ListBody = { post_list: { id: number }[]; next_cursor: string | null; total: number }
const ids = (body: ListBody) => body.post_list.map((p) => p.id)

/** Every id of a list, walked page by page with cursors. */
async function walk(client: any, url: string) {
  const all: number[] = []
  let cursor: string | null = null
  do {
    const response = await client.get(`${url}&size=1${cursor ? `&cursor=${cursor}` : ''}`)
    response.assertStatus(200)
    const body = response.body() as ListBody
    all.push(...ids(body))
    cursor = body.next_cursor
  } while (cursor)
  return all
}

test.group('Sorting post lists', (group) => {
  group.each.setup(() => limiter.clear())

  test('sort=activity: the newest live comment lifts a post; deleting it drops the post back', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const [a, b, c] = await createPostsTitled(client, author, category, ['a', 'b', 'c'])
    const list = (name = category, query = '') =>
      client.get(`/api/v1/board/${name}?sort=activity${query}`)

    assert.deepEqual(ids((await list()).body()), [c, b, a])
    const comment = await createComment(client, author, a)
    const first = (await list()).body()
    assert.deepEqual(ids(first), [a, c, b])
    assert.equal(first.total, 3)
    const post = (await client.get(`/api/v1/post/${a}`)).body()
    const comments = (await client.get(`/api/v1/post/${a}/comment`)).body()
    assert.equal(post.activity_datetime, comments.comment_list[0].created_datetime)
    assert.isAbove(Date.parse(post.activity_datetime), Date.parse(post.created_datetime))
    assert.equal(first.post_list[0].activity_datetime, post.activity_datetime)
    assert.deepEqual(ids((await list(board)).body()), [a, c, b])
    assert.deepEqual(await walk(client, `/api/v1/board/${board}?sort=activity`), [a, c, b])
    assert.deepEqual(ids((await list(category, '&size=1&page=2')).body()), [c])

    // A comment on b, then a's comment deleted: b first, a back at its own time.
    await createComment(client, author, b)
    ;(await client.delete(`/api/v1/comment/${comment.id}`).headers(author.auth)).assertStatus(204)
    assert.deepEqual(ids((await list()).body()), [b, c, a])
    const back = (await client.get(`/api/v1/post/${a}`)).body()
    assert.equal(back.activity_datetime, back.created_datetime)
    ;(await client.post(`/api/v1/comment/${comment.id}/restore`).headers(author.auth)).assertStatus(
      200
    )
    assert.deepEqual(ids((await list()).body()), [b, a, c])
  })

  test('sort=top: most votes first, newer first on a tie, within a period', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const voters = [await signedInUser(client), await signedInUser(client)]
    const [a, b, c, d] = await createPostsTitled(client, author, category, ['a', 'b', 'c', 'd'])
    const top = (query = '') => client.get(`/api/v1/board/${category}?sort=top${query}`)

    assert.deepEqual(ids((await top()).body()), [d, c, b, a])
    for (const voter of voters)
      (await client.post(`/api/v1/post/${b}/vote`).headers(voter.auth)).assertStatus(200)
    ;(await client.post(`/api/v1/post/${a}/vote`).headers(voters[0].auth)).assertStatus(200)
    assert.deepEqual(ids((await top()).body()), [b, a, d, c])
    assert.deepEqual(await walk(client, `/api/v1/board/${category}?sort=top`), [b, a, d, c])
    assert.deepEqual(await walk(client, `/api/v1/board/${board}?sort=top&period=all`), [b, a, d, c])
    assert.deepEqual(ids((await top('&size=2&page=2')).body()), [d, c])

    // b was written 8 days ago: out of the day's and the week's top, in the month's.
    await db
      .from('posts')
      .where('id', b)
      .update({ created_at: sqlTime(Date.now() - 8 * 86_400_000) })
    const dayList = (await top('&period=day')).body()
    assert.deepEqual(ids(dayList), [a, d, c])
    assert.equal(dayList.total, 3)
    assert.deepEqual(ids((await top('&period=week')).body()), [a, d, c])
    const month = (await top('&period=month')).body()
    assert.deepEqual(ids(month), [b, a, d, c])
    assert.equal(month.total, 4)
    assert.deepEqual(await walk(client, `/api/v1/board/${board}?sort=top&period=day`), [a, d, c])
    assert.equal((await top()).body().total, 4)
  })

  test('pins head latest and activity, not top', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const [a, b, c] = await createPostsTitled(client, author, category, ['a', 'b', 'c'])
    ;(await client.post(`/api/v1/post/${c}/vote`).headers(author.auth)).assertStatus(200)
    ;(await client.post(`/api/v1/post/${a}/pin`).headers(moderator.auth)).assertStatus(200)
    const url = `/api/v1/board/${category}`
    assert.deepEqual(ids((await client.get(`${url}?sort=activity`)).body()), [a, c, b])
    assert.deepEqual(await walk(client, `${url}?sort=activity`), [a, c, b])
    assert.deepEqual(ids((await client.get(`${url}?sort=top`)).body()), [c, b, a])
  })

  test('sort, period and cursor errors answer 422', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    await createPostsTitled(client, author, category, ['a', 'b'])
    const url = `/api/v1/board/${category}`
    const latest = (await client.get(`${url}?size=1`)).body().next_cursor
    const activity = (await client.get(`${url}?size=1&sort=activity`)).body().next_cursor
    const topDay = (await client.get(`${url}?size=1&sort=top&period=day`)).body().next_cursor
    const cases: [string, string][] = [
      ['sort=oldest', 'sort'],
      ['sort=top&period=year', 'period'],
      ['period=day', 'period'],
      ['sort=activity&period=week', 'period'],
      ['sort=activity&keyword=title', 'sort'],
      [`sort=activity&cursor=${latest}`, 'cursor'],
      [`cursor=${activity}`, 'cursor'],
      [`sort=top&cursor=${activity}`, 'cursor'],
      [`sort=top&period=week&cursor=${topDay}`, 'cursor'],
    ]
    for (const [query, field] of cases) {
      const response = await client.get(`${url}?${query}`)
      assert.equal(response.status(), 422, query)
      assert.equal(response.body().errors[0].field, field, query)
    }
    ;(await client.get(`${url}?sort=top&period=day&cursor=${topDay}`)).assertStatus(200)
    ;(await client.get(`${url}?sort=latest&cursor=${latest}`)).assertStatus(200)
  })

  test('concurrent comments and deletes leave the activity at the newest live comment', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const commenters = await Promise.all(Array.from({ length: 8 }, () => signedInUser(client)))
    const [post] = await createPostsTitled(client, author, category, ['busy'])
    const answers = await Promise.all(
      commenters.map((who) =>
        client.post(`/api/v1/post/${post}/comment`).headers(who.auth).json({ content: 'hi' })
      )
    )
    answers.forEach((answer) => answer.assertStatus(201))
    // A moderator deletes the newest half at once.
    const moderator = await signedInUser(client, { role: 'moderator' })
    const newest = answers.map((a) => a.body().id as number).sort((x, y) => y - x)
    const deletes = await Promise.all(
      newest.slice(0, 4).map((id) => client.delete(`/api/v1/comment/${id}`).headers(moderator.auth))
    )
    deletes.forEach((answer) => answer.assertStatus(204))
    const row = await db.from('posts').where('id', post).first()
    const live = await db
      .from('comments')
      .where('post_id', post)
      .whereNull('deleted_at')
      .max('created_at as at')
      .first()
    assert.equal(toIso(row.last_activity_at), toIso(live.at))
    assert.equal(Number(row.comment_count), 4)
  })
})
