import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import limiter from '@adonisjs/limiter/services/main'
import { ListAuditEntries } from '#audit/actions/list_audit_entries'
import { ChangeRole, SetUserBlocked, AuthUserLookup } from '#accounts/public'
import { ManageCategories } from '#board/public'
import { PASSWORD, createUser, signedInUser, uniqueName } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { runCommand } from '#tests/helpers/ace'

const audit = (filters: Record<string, unknown>) => new ListAuditEntries().handle(filters, null)

test.group('Audit log', (group) => {
  group.each.setup(() => limiter.clear())

  test('post and comment moderation and version restores are recorded with the actor', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const post = await createPost(client, author, category, { title: 'v1', content: 'one' })
    ;(
      await client
        .put(`/api/v1/post/${post.id}`)
        .headers(author.auth)
        .json({ title: 'v2', content: 'two' })
    ).assertStatus(200)
    // A plain edit is content history, not an audit entry.
    assert.equal((await audit({ resource_type: 'post', resource_id: post.id })).total, 0)

    ;(
      await client.post(`/api/v1/post/${post.id}/history/1/restore`).headers(moderator.auth)
    ).assertStatus(200)
    const comment = await createComment(client, author, post.id)
    ;(await client.delete(`/api/v1/comment/${comment.id}`).headers(moderator.auth)).assertStatus(
      204
    )
    ;(
      await client.post(`/api/v1/comment/${comment.id}/restore`).headers(moderator.auth)
    ).assertStatus(200)
    ;(await client.delete(`/api/v1/post/${post.id}`).headers(moderator.auth)).assertStatus(204)
    ;(await client.post(`/api/v1/post/${post.id}/restore`).headers(moderator.auth)).assertStatus(
      200
    )

    const { entries } = await audit({ actor_id: moderator.id })
    assert.deepEqual(
      entries.map((e) => [e.action, e.resource_type, e.resource_id]),
      [
        ['post.restored', 'post', post.id],
        ['post.deleted', 'post', post.id],
        ['comment.restored', 'comment', comment.id],
        ['comment.deleted', 'comment', comment.id],
        ['post.version_restored', 'post', post.id],
      ]
    )
    assert.deepEqual(entries[4].details, { restoredFromVersion: 1, newVersion: 3 })
    assert.deepEqual(entries[3].details, { postId: post.id })
    assert.match(entries[0].created_at!, /^\d{4}-\d\d-\d\dT.*Z$/)
    assert.equal((await audit({ actor_id: moderator.id, action: 'comment' })).total, 2)
  }).skip(...needsPlugins('board'))

  test('role changes, blocks, unblocks and deletions are recorded', async ({ client, assert }) => {
    const admin = (await AuthUserLookup.load((await createUser({ role: 'admin' })).id))!
    const target = await createUser()
    await new ChangeRole().handle(target.id, 'moderator', admin)
    await new SetUserBlocked().block(target.id, 'spam', admin)
    await new SetUserBlocked().unblock(target.id, null)

    const leaving = await signedInUser(client)
    ;(
      await client.delete('/api/v1/user').headers(leaving.auth).json({ current_password: PASSWORD })
    ).assertStatus(204)

    const forTarget = await audit({ resource_type: 'user', resource_id: target.id })
    assert.deepEqual(
      forTarget.entries.map((e) => [e.action, e.actor_id, e.details]),
      [
        ['user.unblocked', null, null],
        ['user.blocked', admin.id, { reason: 'spam' }],
        ['user.role_changed', admin.id, { role: 'moderator' }],
      ]
    )
    const deleted = await audit({ action: 'user.deleted', resource_id: leaving.id })
    assert.equal(deleted.entries[0]?.actor_id, leaving.id)
  })

  test('category changes are recorded', async ({ assert }) => {
    const admin = (await AuthUserLookup.load((await createUser({ role: 'admin' })).id))!
    const name = uniqueName('cat')
    const created = await new ManageCategories().create(name, undefined, admin)
    const category = await audit({ resource_type: 'category', resource_id: created.id })
    assert.deepEqual(category.entries[0]?.details, { name })
    assert.equal(category.entries[0]?.action, 'category.created')
  }).skip(...needsPlugins('board'))

  test('audit:list filters and refuses bad filters; the action is for admins', async ({
    assert,
  }) => {
    // An accounts act, so the board need not be switched on.
    const admin = (await AuthUserLookup.load((await createUser({ role: 'admin' })).id))!
    const target = await createUser()
    await new SetUserBlocked().block(target.id, 'spam', admin)

    const listed = await runCommand('audit:list', [`--resource=user:${target.id}`])
    assert.equal(listed.exitCode, 0)
    assert.include(listed.output, 'user.blocked')
    assert.include(listed.output, `user:${target.id}`)
    assert.include(listed.output, '1 of 1')

    const none = await runCommand('audit:list', [
      `--resource=user:${target.id}`,
      '--since=2999-01-01',
    ])
    assert.include(none.output, '0 of 0')
    assert.equal((await runCommand('audit:list', ['--since=yesterday'])).exitCode, 1)
    assert.equal((await runCommand('audit:list', ['--resource=planet'])).exitCode, 1)

    const moderator = (await AuthUserLookup.load((await createUser({ role: 'moderator' })).id))!
    await assert.rejects(
      () => new ListAuditEntries().handle({}, moderator),
      'Only admins may read the audit log'
    )
  })
})
