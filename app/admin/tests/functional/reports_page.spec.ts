import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import { needsPlugins } from '#tests/helpers/plugins'
import { flashText, squash } from '#admin/tests/helpers/admin_agent'
import { createActor, createPostFixture, signedInStaff } from '#admin/tests/helpers/admin_data'
import { signedInUser } from '#tests/helpers/accounts'

test.group('Admin panel: reports page', (group) => {
  group.each.setup(() => limiter.clear())
  group.tap((t) => t.skip(...needsPlugins('moderation', 'board')))

  test('staff see reported content with its reports and resolve it in one click (CSRF-protected)', async ({
    client,
    assert,
  }) => {
    const { post } = await createPostFixture({ title: 'Buy cheap watches', content: 'spam spam' })
    for (const reason of ['spam', 'abuse', 'spam']) {
      const reporter = await signedInUser(client)
      ;(
        await client
          .post(`/api/v1/post/${post.id}/report`)
          .headers(reporter.auth)
          .json({ reason, note: `${reason} note` })
      ).assertStatus(201)
    }
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(404)
    const openCase = await db
      .from('report_cases')
      .where({ target_type: 'post', target_id: post.id })
      .first()

    const { agent } = await signedInStaff('moderator')
    assert.include((await agent.get('/admin')).text, 'href="/admin/reports"')
    const page = await agent.get('/admin/reports')
    assert.equal(page.status, 200)
    const card =
      squash(page.text).match(
        new RegExp(`<section class="card" data-case="${openCase.id}">.*?</section>`)
      )?.[0] ?? ''
    assert.include(card, `Post #${post.id}`)
    assert.include(card, 'Buy cheap watches')
    assert.include(card, '>hidden<')
    assert.include(card, '3 reports')
    assert.include(card, 'abuse — abuse note')

    const reportId = (await db.from('reports').where('case_id', openCase.id).first()).id
    const path = `/admin/reports/${reportId}/resolve`
    const forged = await agent.post(path, { action: 'dismiss' }, { csrf: false })
    assert.equal(forged.status, 403)
    assert.equal((await db.from('report_cases').where('id', openCase.id).first()).open, 1)

    const resolved = await agent.post(
      path,
      { action: 'dismiss', note: 'fine' },
      { tokenFrom: '/admin/reports' }
    )
    assert.equal(resolved.status, 302)
    assert.equal(resolved.location, '/admin/reports')
    const after = await agent.follow(resolved)
    assert.include(flashText(after.text), `Post #${post.id}: dismiss; 3 report(s) closed.`)
    assert.notInclude(after.text, `data-case="${openCase.id}"`)
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(200)
    const closed = await agent.get('/admin/reports?status=resolved')
    assert.include(squash(closed.text), 'Resolved')
    assert.include(closed.text, `data-case="${openCase.id}"`)

    // A second decision is refused with the API's message.
    const again = await agent.post(path, { action: 'delete' }, { tokenFrom: '/admin/reports' })
    assert.include(
      flashText((await agent.follow(again)).text),
      'These reports are already resolved'
    )
  })

  test('an unknown action is refused with a message; members get no panel', async ({
    client,
    assert,
  }) => {
    const { post } = await createPostFixture()
    const reporter = await signedInUser(client)
    const created = await client
      .post(`/api/v1/post/${post.id}/report`)
      .headers(reporter.auth)
      .json({ reason: 'other' })
    created.assertStatus(201)
    const { agent } = await signedInStaff('admin')
    const refused = await agent.post(
      `/admin/reports/${created.body().id}/resolve`,
      { action: 'burn' },
      { tokenFrom: '/admin/reports' }
    )
    assert.equal(refused.status, 302)
    assert.match(flashText((await agent.follow(refused)).text), /action/i)
    assert.equal(
      (await db.from('report_cases').where('id', created.body().case_id).first()).open,
      1
    )
    const { user } = await createActor('user')
    const { AdminAgent } = await import('#admin/tests/helpers/admin_agent')
    const member = new AdminAgent()
    const signIn = await member.signIn(user.name)
    assert.notEqual(signIn.location, '/admin')
  })
})
