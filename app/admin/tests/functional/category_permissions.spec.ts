import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import limiter from '@adonisjs/limiter/services/main'
import { CategoryTreeCache } from '#board/public'
import { uniqueName } from '#tests/helpers/accounts'
import { flashText, squash } from '#admin/tests/helpers/admin_agent'
import { signedInStaff } from '#admin/tests/helpers/admin_data'

test.group('Admin panel: category permissions', (group) => {
  group.each.setup(() => limiter.clear())

  test('staff set who may read, post and comment; the page shows the rights in force', async ({
    assert,
    client,
  }) => {
    const { agent } = await signedInStaff('moderator')
    const board = uniqueName('b')
    const child = uniqueName('c')
    const post = async (path: string, form: Record<string, string>) => {
      const response = await agent.post(path, form, { tokenFrom: '/admin/categories' })
      return flashText((await agent.follow(response)).text)
    }
    await post('/admin/categories', { name: board })
    await post('/admin/categories', { name: child, parent: board })

    const saved = await post(`/admin/categories/${board}/permissions`, {
      read: 'members',
      post: 'moderators',
      comment: 'inherit',
    })
    assert.include(saved, `Permissions of "${board}" saved: read members, post moderators`)
    const tree = await CategoryTreeCache.fresh()
    assert.deepEqual(tree.access(tree.byName(child)!), {
      read: 'members',
      post: 'moderators',
      comment: 'members',
    })
    const page = squash((await agent.get('/admin/categories')).text)
    assert.include(page, '· read members · post moderators · comment members')
    // The tree only links each category; its forms are on its own page, settings selected.
    assert.notInclude(page, 'Who may read')
    assert.include(page, `href="/admin/categories/${child}"`)
    const own = (await agent.get(`/admin/categories/${board}`)).text
    assert.include(own, 'Who may read')
    assert.match(own, /<option\s+value="members"\s+selected\s*>/)
    assert.include(own, `action="/admin/categories/${board}/permissions"`)
    assert.equal((await agent.get(`/admin/categories/${uniqueName('none')}`)).status, 404)
    // Applied at once: anonymous readers no longer see the board.
    ;(await client.get(`/api/v1/board/${child}`)).assertStatus(404)

    const refused = await agent.post(
      `/admin/categories/${board}/permissions`,
      { read: 'nobody', post: 'members', comment: 'members' },
      { tokenFrom: '/admin/categories' }
    )
    assert.equal(refused.status, 302)
    // Without the CSRF token the form is refused.
    const forged = await agent.post(
      `/admin/categories/${board}/permissions`,
      { read: 'everyone', post: 'members', comment: 'members' },
      { csrf: false }
    )
    assert.equal(forged.status, 403)
    const after = await CategoryTreeCache.fresh()
    assert.equal(after.access(after.byName(board)!).read, 'members')
  }).skip(...needsPlugins('board'))
})
