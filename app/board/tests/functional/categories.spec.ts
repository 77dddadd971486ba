import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { uniqueName, signedInUser } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'
import { runCommand } from '#tests/helpers/ace'
import { cacheChangesApplied } from '#tests/helpers/cache_changes'

test.group('Category tree: HTTP reads', () => {
  test('GET /board lists the seeded boards in order', async ({ client, assert }) => {
    const response = await client.get('/api/v1/board')
    response.assertStatus(200)
    const names = response.body().map((b: { name: string }) => b.name)
    assert.includeMembers(names, ['qna', 'community'])
    assert.isBelow(names.indexOf('qna'), names.indexOf('community'))
  })

  test('GET /board/category?board= lists children; unknown board is 404; missing param 422', async ({
    client,
  }) => {
    const qna = await client.get('/api/v1/board/category').qs({ board: 'qna' })
    qna.assertStatus(200)
    qna.assertBodyContains([{ name: 'career' }, { name: 'tech' }])
    ;(await client.get('/api/v1/board/category').qs({ board: 'nope-none' })).assertStatus(404)
    ;(await client.get('/api/v1/board/category')).assertStatus(422)
  })

  test('GET /board/parent?category= answers the parent; boards and unknown names are 404', async ({
    client,
  }) => {
    const parent = await client.get('/api/v1/board/parent').qs({ category: 'news' })
    parent.assertStatus(200)
    parent.assertBodyContains({ name: 'community' })
    ;(await client.get('/api/v1/board/parent').qs({ category: 'community' })).assertStatus(404)
    ;(await client.get('/api/v1/board/parent').qs({ category: 'zzz-none' })).assertStatus(404)
  })
})

test.group('Category tree: Ace commands', () => {
  test('category:create, rename and the cached tree follows at once', async ({
    client,
    assert,
  }) => {
    const board = uniqueName('b')
    assert.equal((await runCommand('category:create', [board])).exitCode, 0)
    const child = uniqueName('c')
    assert.equal((await runCommand('category:create', [child, `--parent=${board}`])).exitCode, 0)
    const children = await client.get('/api/v1/board/category').qs({ board })
    children.assertBody([
      {
        id: children.body()[0].id,
        name: child,
        // What an anonymous caller may do: read (category permissions, docs/board.md).
        permissions: { read: true, post: false, comment: false },
      },
    ])

    const renamed = uniqueName('r')
    assert.equal((await runCommand('category:rename', [child, renamed])).exitCode, 0)
    const after = await client.get('/api/v1/board/category').qs({ board })
    assert.equal(after.body()[0].name, renamed)
  })

  test('category:create refuses bad, reserved and duplicate names', async ({ assert }) => {
    for (const args of [
      ['Has-Caps'],
      ['category'],
      ['parent'],
      ['qna'],
      ['x', '--parent=missing-parent'],
    ]) {
      assert.equal((await runCommand('category:create', args)).exitCode, 1, args.join(' '))
    }
  })

  test('category:move moves posts with the subtree and refuses cycles', async ({
    client,
    assert,
  }) => {
    const from = await createBoard()
    const to = await createBoard()
    const session = await signedInUser(client)
    const post = await createPost(client, session, from.category)

    assert.equal(
      (await runCommand('category:move', [from.board, `--parent=${from.category}`])).exitCode,
      1
    )
    assert.equal(
      (await runCommand('category:move', [from.category, `--parent=${to.board}`])).exitCode,
      0
    )

    const toList = await client.get(`/api/v1/board/${to.board}`)
    assert.deepEqual(
      toList.body().post_list.map((p: { id: number }) => p.id),
      [post.id]
    )
    assert.equal(toList.body().total, 1)
    const fromList = await client.get(`/api/v1/board/${from.board}`)
    assert.equal(fromList.body().total, 0)
    const row = await db.from('categories').where('name', from.category).first()
    assert.equal(row.tier, 1)
  })

  test('category:delete refuses with posts, --force --move-to moves them first', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const target = await createBoard()
    const session = await signedInUser(client)
    const post = await createPost(client, session, category)

    assert.equal((await runCommand('category:delete', [category])).exitCode, 1)
    assert.equal((await runCommand('category:delete', [board])).exitCode, 1, 'has subcategories')
    assert.equal(
      (await runCommand('category:delete', [category, '--force'])).exitCode,
      1,
      'needs --move-to'
    )
    assert.equal(
      (await runCommand('category:delete', [category, '--force', `--move-to=${target.category}`]))
        .exitCode,
      0
    )

    const moved = await client.get(`/api/v1/post/${post.id}`)
    assert.equal(moved.body().category, target.category)
    const list = await client.get(`/api/v1/board/${target.board}`)
    assert.equal(list.body().total, 1)
    assert.isNull(await db.from('categories').where('name', category).first())
  })

  test('category:tree prints every category with counts', async ({ assert }) => {
    const command = await runCommand('category:tree', [])
    assert.equal(command.exitCode, 0)
    const lines = command.lines
    assert.isTrue(lines.some((line) => line.startsWith('qna (id')))
    assert.isTrue(lines.some((line) => line.startsWith('  tech (id')))
  })
})

test.group('Category tree: a stale tree', () => {
  test('posting into a category deleted after this process read its tree answers 404, not 500', async ({
    client,
    assert,
  }) => {
    const author = await signedInUser(client)
    const { board, category } = await createBoard()
    // The tree is cached with the category in it (after the feed's second drop of the create)...
    await cacheChangesApplied()
    const listed = await client.get('/api/v1/board/category').qs({ board })
    listed.assertBodyContains([{ name: category }])
    // ...and another process deletes the category without this process's cache hearing of it:
    // the change log reaches it only on its next poll.
    await db.from('categories').where('name', category).delete()
    const response = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: 'Too late', content: 'The category is gone' })
    response.assertStatus(404)
    assert.equal(response.body().errors[0].code, 'E_NOT_FOUND')
  })
})
