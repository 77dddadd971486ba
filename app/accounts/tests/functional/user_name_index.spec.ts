import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { UserNameIndex, nameGrams } from '#accounts/services/user_name_index'
import { PASSWORD, login, createUser, uniqueName } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'
import { SeedDemoUsers } from '#accounts/actions/seed_demo_users'

/**
 * The author match of a keyword search reads the accounts having the
 * keyword's rarest name gram; the LIKE still decides. Every account write
 * keeps the grams in step.
 */
async function authorsFound(client: ApiClient, board: string, keyword: string) {
  const response = await client.get(`/api/v1/board/${board}?keyword=${encodeURIComponent(keyword)}`)
  response.assertStatus(200)
  return (response.body().post_list as { id: number }[]).map((post) => post.id)
}

async function gramsOf(userId: number) {
  const rows = await db.from('user_name_grams').where('user_id', userId).orderBy('gram')
  return rows.map((row) => String(row.gram))
}

test.group('User name index', (group) => {
  group.each.setup(() => limiter.clear())

  test('authors are found by any part of their name, through the grams', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const user = await createUser({ name: uniqueName('Quill') })
    const post = await createPost(client, await login(client, user.name), category, {
      title: 'nothing about names',
    })
    assert.deepEqual(await gramsOf(user.id), nameGrams(user.name).sort())

    const reads: string[] = []
    const knex = db.connection().getWriteClient()
    const listener = (query: { sql: string }) => reads.push(query.sql)
    knex.on('query', listener)
    try {
      assert.deepEqual(await authorsFound(client, board, user.name.slice(2, 9)), [post.id])
      assert.deepEqual(await authorsFound(client, board, user.name.toUpperCase()), [post.id])
    } finally {
      knex.removeListener('query', listener)
    }
    assert.isTrue(
      reads.some((sql) => /user_name_grams/.test(sql) && /from [`"]?users[`"]?/i.test(sql)),
      'the lookup joins the gram index'
    )
    // Shorter than a gram: every name is read, with the same answer.
    const short = await createUser({ name: `ЖЯ${uniqueName('')}` })
    const shortPost = await createPost(client, await login(client, short.name), category, {
      title: 'another',
    })
    assert.deepEqual(await authorsFound(client, board, 'ЖЯ'), [shortPost.id])
  }).skip(...needsPlugins('board'))

  test('a rename and an account deletion keep the grams in step', async ({ client, assert }) => {
    const { board, category } = await createBoard()
    const before = uniqueName('Before')
    const session = await login(client, (await createUser({ name: before })).name)
    const post = await createPost(client, session, category, { title: 'plain title' })

    const after = uniqueName('After')
    await client
      .put('/api/v1/user')
      .headers(session.auth)
      .json({ name: after })
      .then((response) => response.assertStatus(200))
    assert.deepEqual(await authorsFound(client, board, before), [])
    assert.deepEqual(await authorsFound(client, board, after), [post.id])
    assert.include(await gramsOf(session.id), 'aft')
    // 'efo' (of "Before"), not 'bef': the new name's random hex suffix may hold "bef" itself.
    assert.notInclude(await gramsOf(session.id), 'efo')

    await client
      .delete('/api/v1/user')
      .headers(session.auth)
      .json({ current_password: PASSWORD })
      .then((response) => response.assertStatus(204))
    assert.deepEqual(await gramsOf(session.id), [])
    assert.deepEqual(await authorsFound(client, board, after), [])
  }).skip(...needsPlugins('board'))

  test('a rebuild gives the same grams as the writes kept', async ({ assert }) => {
    await createUser({ name: uniqueName('Rebuilt') })
    // Demo accounts are indexed in bulk: more grams than one SQLite statement takes.
    await new SeedDemoUsers().handle({ count: 60, batch: 400, password: PASSWORD })
    const all = async () =>
      (await db.from('user_name_grams').orderBy(['gram', 'user_id'])).map(
        (row) => `${row.gram}:${row.user_id}`
      )
    const kept = await all()
    await UserNameIndex.rebuild()
    assert.deepEqual(await all(), kept)
  })

  test('replacing an account’s grams reads them by user, not every gram', async ({ assert }) => {
    const sql = 'delete from user_name_grams where user_id = ?'
    const plan =
      db.connection().dialect.name === 'mysql'
        ? (await db.rawQuery(`explain ${sql}`, [1]))[0].map(
            (row: { key: string | null }) => row.key ?? 'no index'
          )
        : (await db.rawQuery(`explain query plan ${sql}`, [1])).map(
            (row: { detail: string }) => row.detail
          )
    assert.notMatch(plan.join(' | '), /^SCAN user_name_grams$|no index/, plan.join(' | '))
    assert.isNotEmpty(plan)
  })
})
