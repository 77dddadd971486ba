import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import { EditPost, CommentWrites, CategoryTreeCache } from '#board/public'
import { ManageApiTokens } from '#accounts/public'
import { uniqueName } from '#tests/helpers/accounts'
import { flashText, squash } from '#admin/tests/helpers/admin_agent'
import { createActor, createPostFixture, signedInStaff } from '#admin/tests/helpers/admin_data'

test.group('Admin panel: pages and actions', (group) => {
  group.each.setup(() => limiter.clear())

  test('the dashboard counts content and charts today’s posts', async ({ assert }) => {
    const { agent } = await signedInStaff()
    await createPostFixture()
    const page = await agent.get('/admin')
    assert.equal(page.status, 200)
    const posts = await db.from('posts').whereNull('deleted_at').count('* as total')
    assert.include(page.text, `<span class="num">${Number(posts[0].total)}</span> posts`)
    const today = new Date().toISOString().slice(0, 10)
    assert.match(page.text, new RegExp(`<title>${today}: [1-9]\\d* posts</title>`))
    assert.match(page.text, /<svg[^>]*class="chart"/)
  }).skip(...needsPlugins('board'))

  test('user search is literal and pages', async ({ assert }) => {
    const { agent } = await signedInStaff()
    const { user } = await createActor()
    const found = await agent.get(`/admin/users?q=${user.name.slice(1)}`)
    assert.include(found.text, `>${user.name}</a>`)
    assert.include(squash(found.text), '1 user matching')
    // "%" matches only a literal percent sign: no user name or email has one.
    const wildcard = await agent.get('/admin/users?q=%25')
    assert.include(squash(wildcard.text), '0 users matching')
    const garbage = await agent.get('/admin/users?page=-3&q=' + 'x'.repeat(500))
    assert.equal(garbage.status, 200)
  })

  test('a user page shows posts and sign-ins; block with a reason, then unblock', async ({
    assert,
  }) => {
    const { agent } = await signedInStaff()
    const { author, post } = await createPostFixture({ title: 'Visible title', content: 'x' })
    const events: unknown[] = []
    const off = emitter.on('user:blocked', (event) => events.push(event))

    const page = await agent.get(`/admin/users/${author.id}`)
    assert.match(
      squash(page.text),
      new RegExp(`href="/admin/posts/${post.id}"\\s*>\\s*Visible title`)
    )

    const blocked = await agent.post(
      `/admin/users/${author.id}/block`,
      { reason: 'spam <script>' },
      { tokenFrom: `/admin/users/${author.id}` }
    )
    const after = await agent.follow(blocked)
    assert.include(flashText(after.text), 'User blocked.')
    assert.include(after.text, 'spam &lt;script&gt;')
    assert.lengthOf(events, 1)
    off()

    const unblocked = await agent.post(
      `/admin/users/${author.id}/unblock`,
      {},
      { tokenFrom: '/admin' }
    )
    assert.equal(unblocked.status, 302)
    assert.notInclude((await agent.get(`/admin/users/${author.id}`)).text, 'tag bad">blocked')
  }).skip(...needsPlugins('board'))

  test('a user page lists personal API tokens, never their secrets; staff revoke one', async ({
    client,
    assert,
  }) => {
    const { agent } = await signedInStaff('moderator')
    const { user, actor } = await createActor()
    const tokens = new ManageApiTokens()
    const used = await tokens.create(actor, { name: 'ci <bot>', abilities: ['read', 'write'] })
    const idle = await tokens.create(actor, { name: 'idle', abilities: ['read'], expiresInDays: 7 })
    const bearer = (token: typeof used) => `Bearer ${token.value!.release()}`
    ;(await client.get('/api/v1/user/me').header('authorization', bearer(used))).assertStatus(200)

    const page = squash((await agent.get(`/admin/users/${user.id}`)).text)
    const row = (id: unknown) => page.match(new RegExp(`<tr data-token="${id}">(.*?)</tr>`))?.[1]
    const today = new Date().toISOString().slice(0, 10)
    const usedRow = row(used.identifier)!
    assert.include(usedRow, 'ci &lt;bot&gt;')
    assert.include(usedRow, 'read, write')
    assert.match(usedRow, new RegExp(`Last used">${today} \\d\\d:\\d\\d<`))
    assert.include(usedRow, 'Expires">never<')
    const idleRow = row(idle.identifier)!
    assert.include(idleRow, 'Last used">never<')
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
    assert.include(idleRow, `Expires">${inAWeek}`)
    for (const token of [used, idle]) {
      assert.notInclude(page, token.value!.release().split('.')[1])
    }

    const revoked = await agent.post(
      `/admin/users/${user.id}/tokens/${used.identifier}/revoke`,
      {},
      { tokenFrom: `/admin/users/${user.id}` }
    )
    assert.equal(revoked.location, `/admin/users/${user.id}`)
    const after = await agent.follow(revoked)
    assert.include(flashText(after.text), 'API token revoked.')
    assert.notInclude(after.text, `data-token="${used.identifier}"`)
    ;(await client.get('/api/v1/user/me').header('authorization', bearer(used))).assertStatus(401)
    ;(await client.get('/api/v1/user/me').header('authorization', bearer(idle))).assertStatus(200)

    const again = await agent.post(
      `/admin/users/${user.id}/tokens/${used.identifier}/revoke`,
      {},
      { tokenFrom: '/admin' }
    )
    assert.include(flashText((await agent.follow(again)).text), 'API token not found')
    const forged = await agent.post(
      `/admin/users/${user.id}/tokens/${idle.identifier}/revoke`,
      {},
      { csrf: false }
    )
    assert.equal(forged.status, 403)
    ;(await client.get('/api/v1/user/me').header('authorization', bearer(idle))).assertStatus(200)
  })

  test('only admins revoke the API tokens of staff', async ({ assert }) => {
    const { agent } = await signedInStaff('moderator')
    const { user: admin, actor } = await createActor('admin')
    const token = await new ManageApiTokens().create(actor, { name: 'ops', abilities: ['read'] })

    const page = await agent.get(`/admin/users/${admin.id}`)
    assert.include(page.text, `data-token="${token.identifier}"`)
    assert.notInclude(page.text, `/tokens/${token.identifier}/revoke`)
    const refused = await agent.post(
      `/admin/users/${admin.id}/tokens/${token.identifier}/revoke`,
      {},
      { tokenFrom: '/admin' }
    )
    assert.include(
      flashText((await agent.follow(refused)).text),
      'Only admins may revoke the API tokens of staff'
    )

    const { agent: adminAgent } = await signedInStaff('admin')
    const done = await adminAgent.post(
      `/admin/users/${admin.id}/tokens/${token.identifier}/revoke`,
      {},
      { tokenFrom: '/admin' }
    )
    assert.include(flashText((await adminAgent.follow(done)).text), 'API token revoked.')
  })

  test('admins change roles, but not their own', async ({ assert }) => {
    const { agent, user: admin } = await signedInStaff('admin')
    const { user } = await createActor()
    const changed = await agent.post(
      `/admin/users/${user.id}/role`,
      { role: 'moderator' },
      { tokenFrom: '/admin' }
    )
    assert.include(flashText((await agent.follow(changed)).text), 'is now moderator')
    const own = await agent.post(
      `/admin/users/${admin.id}/role`,
      { role: 'user' },
      { tokenFrom: '/admin' }
    )
    assert.include(flashText((await agent.follow(own)).text), 'cannot change your own role')
    const invalid = await agent.post(
      `/admin/users/${user.id}/role`,
      { role: 'emperor' },
      { tokenFrom: '/admin' }
    )
    assert.equal(invalid.status, 302)
  })

  test('category rules are the Ace commands’ rules', async ({ assert }) => {
    const { agent } = await signedInStaff()
    const board = uniqueName('b')
    const child = uniqueName('c')
    const post = async (path: string, form: Record<string, string>) => {
      const response = await agent.post(path, form, { tokenFrom: '/admin/categories' })
      return flashText((await agent.follow(response)).text)
    }

    assert.include(await post('/admin/categories', { name: board }), `Board "${board}" created`)
    assert.include(await post('/admin/categories', { name: child, parent: board }), 'created under')
    assert.include(await post('/admin/categories', { name: 'Bad Name!' }), 'lowercase letters')
    assert.include(await post('/admin/categories', { name: board }), 'already exists')
    assert.include(await post(`/admin/categories/${board}/move`, { parent: child }), 'under itself')
    assert.include(await post(`/admin/categories/${board}/delete`, {}), 'has subcategories')
    assert.include(await post(`/admin/categories/nope-${board}/delete`, {}), 'not found')
    assert.include(
      await post(`/admin/categories/${child}/rename`, { name: `${child}x` }),
      'renamed'
    )
    assert.include(await post(`/admin/categories/${child}x/move`, { parent: '' }), 'now a board')

    const tree = await CategoryTreeCache.fresh()
    assert.isNull(tree.byName(`${child}x`)!.parentId)
    assert.include(await post(`/admin/categories/${board}/delete`, {}), 'deleted')
  }).skip(...needsPlugins('board'))

  test('posts: filter, delete, restore, diff and restore a version', async ({ assert }) => {
    const { agent, actor: staff } = await signedInStaff('moderator')
    const { board, author, actor, post } = await createPostFixture({
      title: 'First title',
      content: 'one two three',
    })
    await new EditPost().handle(actor, post.id, { title: 'Second title', content: 'one 2 three' })

    const list = await agent.get(`/admin/posts?board=${board}&author=${author.name}`)
    assert.include(list.text, `data-post="${post.id}"`)
    const other = await agent.get(`/admin/posts?author=${uniqueName('nobody')}`)
    assert.notInclude(other.text, `data-post="${post.id}"`)

    const detail = await agent.get(`/admin/posts/${post.id}?from=1&to=2`)
    assert.include(detail.text, '<del>First</del><ins>Second</ins>')
    assert.include(detail.text, '<del>two</del><ins>2</ins>')
    const badDiff = await agent.get(`/admin/posts/${post.id}?from=9&to=abc`)
    assert.equal(badDiff.status, 200)
    assert.include(badDiff.text, 'does not exist')

    const restored = await agent.post(
      `/admin/posts/${post.id}/versions/1/restore`,
      {},
      { tokenFrom: '/admin' }
    )
    assert.equal(restored.location, `/admin/posts/${post.id}`)
    assert.include(flashText((await agent.follow(restored)).text), 'restored as version 3')
    const version = await db.from('post_versions').where({ post_id: post.id, version: 3 }).first()
    assert.equal(version.title, 'First title')
    assert.equal(version.user_id, staff.id)

    await agent.post(`/admin/posts/${post.id}/delete`, {}, { tokenFrom: '/admin' })
    const deleted = await agent.get(`/admin/posts?status=deleted&board=${board}`)
    assert.include(deleted.text, `data-post="${post.id}"`)
    assert.isNotNull((await db.from('posts').where('id', post.id).first()).deleted_at)

    await agent.post(`/admin/posts/${post.id}/restore`, {}, { tokenFrom: '/admin' })
    assert.isNull((await db.from('posts').where('id', post.id).first()).deleted_at)
    const twice = await agent.post(`/admin/posts/${post.id}/restore`, {}, { tokenFrom: '/admin' })
    assert.include(flashText((await agent.follow(twice)).text), 'not found')
  }).skip(...needsPlugins('board'))

  test('comments: list by author, delete and restore', async ({ assert }) => {
    const { agent } = await signedInStaff('moderator')
    const { post } = await createPostFixture()
    const { user: commenter, actor } = await createActor()
    const comment = await new CommentWrites().create(actor, post.id, 'a <b>bold</b> remark')

    const list = await agent.get(`/admin/comments?author=${commenter.name}`)
    assert.include(list.text, `data-comment="${comment.id}"`)
    assert.include(list.text, 'a &lt;b&gt;bold&lt;/b&gt; remark')

    await agent.post(`/admin/comments/${comment.id}/delete`, {}, { tokenFrom: '/admin' })
    const deleted = await agent.get(`/admin/comments?status=deleted&author=${commenter.name}`)
    assert.include(deleted.text, `data-comment="${comment.id}"`)
    const count = async () =>
      Number((await db.from('posts').where('id', post.id).first()).comment_count)
    assert.equal(await count(), 0)

    await agent.post(`/admin/comments/${comment.id}/restore`, {}, { tokenFrom: '/admin' })
    assert.equal(await count(), 1)
  }).skip(...needsPlugins('board'))
})
