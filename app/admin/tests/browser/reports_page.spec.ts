import { mkdirSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { needsPlugins } from '#tests/helpers/plugins'
import { skipWhen } from '#tests/helpers/required_services'
import { signedInUser } from '#tests/helpers/accounts'
import { createActor, createPostFixture } from '#admin/tests/helpers/admin_data'
import { chromiumRequired, flashed, browserPerGroup, signIn } from '#admin/tests/helpers/chromium'

/** The report queue in headless Chromium: a moderator deletes reported content in one click. */
test.group('Admin panel in a browser: reports', (group) => {
  const chromiumTabs = browserPerGroup(group)

  test('a moderator resolves a report: the content is deleted and the reports close', async ({
    client,
    assert,
  }) => {
    const { post } = await createPostFixture({ title: 'Miracle pills', content: 'Buy now' })
    for (const reason of ['spam', 'spam', 'abuse']) {
      const reporter = await signedInUser(client)
      ;(
        await client.post(`/api/v1/post/${post.id}/report`).headers(reporter.auth).json({ reason })
      ).assertStatus(201)
    }
    const reportCase = await db
      .from('report_cases')
      .where({ target_type: 'post', target_id: post.id })
      .first()
    // Earlier tests of the run leave open cases: closed here, this one is on the queue's first page.
    await db.from('report_cases').whereNot('id', reportCase.id).update({ open: null })
    const { user: moderator } = await createActor('moderator')
    const page = await signIn(chromiumTabs.context(), moderator.name)

    await page.getByRole('link', { name: 'Reports', exact: true }).click()
    await page.waitForURL('**/admin/reports')
    const card = page.locator(`section[data-case="${reportCase.id}"]`)
    await card.waitFor()
    const text = (await card.textContent())!.replace(/\s+/g, ' ')
    assert.include(text, 'Miracle pills')
    assert.include(text, '3 reports')
    assert.equal((await card.locator('.tag').textContent())?.trim(), 'hidden')

    const shots = app.makePath('tmp/screenshots')
    mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: `${shots}/reports-page.png`, fullPage: true })

    await card.getByLabel('Note (optional)').fill('obvious spam')
    await card.getByRole('button', { name: 'Delete', exact: true }).click()
    await flashed(page, `Post #${post.id}: delete; 3 report(s) closed.`)
    assert.equal(await page.locator(`section[data-case="${reportCase.id}"]`).count(), 0)

    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(404)
    const closed = await db.from('report_cases').where('id', reportCase.id).first()
    assert.isNull(closed.open)
    assert.equal(closed.resolution, 'delete')
    assert.equal(closed.resolution_note, 'obvious spam')
    const open = await db.from('reports').where('case_id', reportCase.id).whereNull('resolved_at')
    assert.lengthOf(open, 0)
  }).skip(...skipWhen(chromiumRequired.skip, needsPlugins('moderation', 'board')))
})
