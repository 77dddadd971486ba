import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { DEMO_PASSWORD } from '#board/actions/seed_demo_content'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'
import { runCommand } from '#tests/helpers/ace'

async function count(table: string, where?: (q: any) => void) {
  const query = db.from(table)
  if (where) where(query)
  const row = await query.count('* as total').first()
  return Number(row.total)
}

test.group('demo:seed and content:prune-versions', (group) => {
  group.each.setup(() => limiter.clear())

  test('demo:seed adds users, posts and comments with exact counters', async ({
    client,
    assert,
  }) => {
    const before = {
      users: await count('users'),
      posts: await count('posts'),
      comments: await count('comments'),
    }
    const command = await runCommand('demo:seed', [
      '--users=3',
      '--posts=45',
      '--comments=70',
      '--batch=20',
    ])
    assert.equal(command.exitCode, 0)

    assert.equal(await count('users'), before.users + 3)
    assert.equal(await count('posts'), before.posts + 45)
    assert.equal(await count('comments'), before.comments + 70)

    // Counters agree with the rows they count.
    const live = await count('posts', (q) => q.whereNull('deleted_at'))
    const counted = await db.from('categories').sum('post_count as total').first()
    assert.equal(Number(counted.total), live)
    const mismatched = await db
      .from('posts as p')
      .whereRaw(
        'p.comment_count <> (select count(*) from comments c where c.post_id = p.id and c.deleted_at is null)'
      )
      .count('* as total')
      .first()
    assert.equal(Number(mismatched.total), 0)
    // Activity (sort=activity) is the newest live comment's time, else the post's own.
    const stale = await db
      .from('posts as p')
      .whereRaw(
        `p.last_activity_at <> coalesce((select max(c.created_at) from comments c
          where c.post_id = p.id and c.deleted_at is null), p.created_at)`
      )
      .count('* as total')
      .first()
    assert.equal(Number(stale.total), 0)
    const versions = await count('post_versions')
    assert.isAtLeast(versions, before.posts + 45)

    // Seeded content is searchable and demo users can log in.
    const demoUser = await db
      .from('users')
      .where('email', 'like', '%@demo.invalid')
      .orderBy('id', 'desc')
      .first()
    const login = await client
      .post('/api/v1/user/login')
      .json({ username: demoUser.name, password: DEMO_PASSWORD })
    login.assertStatus(200)
    const list = await client.get('/api/v1/board/qna').qs({ keyword: 'board' })
    list.assertStatus(200)
    assert.isAbove(list.body().total, 0)
  })

  test('demo:seed refuses bad sizes with exit code 1', async ({ assert }) => {
    assert.equal((await runCommand('demo:seed', ['--posts=-5'])).exitCode, 1)
    assert.equal((await runCommand('demo:seed', ['--batch=0'])).exitCode, 1)
  })

  test('content:prune-versions keeps the newest N, never the current one; dry run changes nothing', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category, { title: 'v1', content: 'c1' })
    for (let v = 2; v <= 5; v++) {
      await client
        .put(`/api/v1/post/${post.id}`)
        .headers(author.auth)
        .json({ title: `v${v}`, content: `c${v}` })
    }

    const dry = await runCommand('content:prune-versions', ['--keep=2', '--dry-run'])
    assert.equal(dry.exitCode, 0)
    assert.equal(await count('post_versions', (q) => q.where('post_id', post.id)), 5)

    assert.equal(
      (await runCommand('content:prune-versions', ['--keep=2', '--older-than=1d'])).exitCode,
      0
    )
    assert.equal(
      await count('post_versions', (q) => q.where('post_id', post.id)),
      5,
      'all are newer than a day'
    )

    assert.equal((await runCommand('content:prune-versions', ['--keep=2'])).exitCode, 0)
    const history = await client.get(`/api/v1/post/${post.id}/history`)
    assert.deepEqual(
      history.body().map((v: { version: number }) => v.version),
      [5, 4]
    )
    const current = await client.get(`/api/v1/post/${post.id}`)
    assert.containsSubset(current.body(), { version: 5, title: 'v5' })
    assert.equal((await runCommand('content:prune-versions', ['--keep=0'])).exitCode, 1)
  })
})
