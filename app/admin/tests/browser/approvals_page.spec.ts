import { mkdirSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { needsPlugins } from '#tests/helpers/plugins'
import { skipWhen } from '#tests/helpers/required_services'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard } from '#tests/helpers/board'
import { createActor } from '#admin/tests/helpers/admin_data'
import { chromiumRequired, flashed, browserPerGroup, signIn } from '#admin/tests/helpers/chromium'
import { postApproval } from '#board/public'

/** The approval queue in headless Chromium: a moderator publishes a new member's post in one click. */
test.group('Admin panel in a browser: approvals', (group) => {
  const chromiumTabs = browserPerGroup(group)

  test('a moderator approves a waiting post: it is published', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    // This member's posts wait (the moderation plugin's rule is NEW_USER_APPROVAL_POSTS, 0 here).
    cleanup(postApproval.holdWhen((member) => member.id === author.id))
    const created = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: 'My first post', content: 'Hello, board' })
    created.assertStatus(202)
    const postId = created.body().id as number
    // Earlier tests of the run leave waiting posts: rejected here, this one is on the first page.
    await db
      .from('posts')
      .where('pending', 1)
      .whereNot('id', postId)
      .update({ pending: null, rejected_at: db.raw('created_at') })
    const { user: moderator } = await createActor('moderator')
    const page = await signIn(chromiumTabs.context(), moderator.name)

    await page.getByRole('link', { name: 'Approvals', exact: true }).click()
    await page.waitForURL('**/admin/approvals')
    const card = page.locator(`section[data-post="${postId}"]`)
    await card.waitFor()
    const text = (await card.textContent())!.replace(/\s+/g, ' ')
    assert.include(text, 'My first post')
    assert.include(text, author.name)

    const shots = app.makePath('tmp/screenshots')
    mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: `${shots}/approvals-page.png`, fullPage: true })

    await card.getByRole('button', { name: 'Approve', exact: true }).click()
    await flashed(page, `Post #${postId} approved: it is published.`)
    assert.equal(await page.locator(`section[data-post="${postId}"]`).count(), 0)

    const published = await client.get(`/api/v1/post/${postId}`)
    published.assertStatus(200)
    assert.equal(published.body().title, 'My first post')
    const row = await db.from('posts').where('id', postId).first()
    assert.isNull(row.pending)
    assert.isNull(row.deleted_at)
  }).skip(...skipWhen(chromiumRequired.skip, needsPlugins('moderation', 'board')))
})
