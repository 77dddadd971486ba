import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import { needsPlugins } from '#tests/helpers/plugins'
import { flashText, squash } from '#admin/tests/helpers/admin_agent'
import { signedInStaff } from '#admin/tests/helpers/admin_data'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard } from '#tests/helpers/board'
import { postApproval } from '#board/public'

test.group('Admin panel: approvals page', (group) => {
  group.tap((t) => t.skip(...needsPlugins('moderation', 'board')))
  group.each.setup(() => limiter.clear())

  test('staff see waiting posts and approve or reject them in one click (CSRF-protected)', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    // This member's posts wait (the moderation plugin's rule is NEW_USER_APPROVAL_POSTS, 0 here).
    cleanup(postApproval.holdWhen((member) => member.id === author.id))
    const ids: number[] = []
    for (const title of ['Hello everyone', 'Visit my shop']) {
      const response = await client
        .post(`/api/v1/board/${category}`)
        .headers(author.auth)
        .json({ title, content: `${title}!` })
      response.assertStatus(202)
      ids.push(response.body().id)
    }

    const { agent } = await signedInStaff('moderator')
    assert.include((await agent.get('/admin')).text, 'href="/admin/approvals"')
    const page = await agent.get('/admin/approvals')
    assert.equal(page.status, 200)
    const card =
      squash(page.text).match(
        new RegExp(`<section class="card" data-post="${ids[0]}">.*?</section>`)
      )?.[0] ?? ''
    assert.include(card, 'Hello everyone')
    assert.include(card, author.name)

    const approve = `/admin/approvals/${ids[0]}/approve`
    const forged = await agent.post(approve, {}, { csrf: false })
    assert.equal(forged.status, 403)
    assert.equal((await db.from('posts').where('id', ids[0]).first()).pending, 1)

    const approved = await agent.post(approve, {}, { tokenFrom: '/admin/approvals' })
    assert.equal(approved.status, 302)
    const after = await agent.follow(approved)
    assert.include(flashText(after.text), `Post #${ids[0]} approved: it is published.`)
    assert.notInclude(after.text, `data-post="${ids[0]}"`)
    ;(await client.get(`/api/v1/post/${ids[0]}`)).assertStatus(200)

    const rejected = await agent.post(
      `/admin/approvals/${ids[1]}/reject`,
      { reason: 'advertising' },
      { tokenFrom: '/admin/approvals' }
    )
    assert.include(flashText((await agent.follow(rejected)).text), `Post #${ids[1]} rejected.`)
    assert.isNotNull((await db.from('posts').where('id', ids[1]).first()).rejected_at)

    // A second decision is refused with the API's message.
    const again = await agent.post(approve, {}, { tokenFrom: '/admin/approvals' })
    assert.include(
      flashText((await agent.follow(again)).text),
      'This post is not awaiting approval'
    )
  })
})
