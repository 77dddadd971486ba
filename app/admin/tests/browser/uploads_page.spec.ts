import { mkdirSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { needsPlugins } from '#tests/helpers/plugins'
import { skipWhen } from '#tests/helpers/required_services'
import { signedInUser } from '#tests/helpers/accounts'
import { png, upload } from '#tests/helpers/uploads'
import { createActor } from '#admin/tests/helpers/admin_data'
import { chromiumRequired, flashed, browserPerGroup, signIn } from '#admin/tests/helpers/chromium'

/** The uploads page in headless Chromium: the thumbnails really load (CSP, serving) and delete works. */
test.group('Admin panel in a browser: uploads', (group) => {
  const chromiumTabs = browserPerGroup(group)

  test('a moderator sees an uploaded image on the page and deletes another upload', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const kept = await upload(client, member, await png(120, 80, 'orange'), {
      filename: 'sunset.png',
      contentType: 'image/png',
    })
    kept.assertStatus(201)
    const doomed = await upload(client, member, await png(40, 40, 'green'), {
      filename: 'doomed.png',
    })
    doomed.assertStatus(201)
    const { user: moderator } = await createActor('moderator')
    const page = await signIn(chromiumTabs.context(), moderator.name)
    const blocked: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text())
    })

    await page.getByRole('link', { name: 'Uploads', exact: true }).click()
    await page.waitForURL('**/admin/uploads')
    await page.getByLabel('Uploader (name)').fill(member.name)
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForURL(/user=/)

    const image = page.getByRole('img', { name: 'Thumbnail of sunset.png' })
    await image.waitFor()
    // Loaded and decoded: the thumbnail's own pixels (the WebP keeps the 3:2 shape).
    await page.waitForFunction(
      '[...document.images].every((img) => img.complete) && document.images.length >= 2'
    )
    const size = await image.evaluate((element) => {
      const img = element as unknown as { naturalWidth: number; naturalHeight: number }
      return [img.naturalWidth, img.naturalHeight]
    })
    assert.deepEqual(size, [120, 80])
    assert.deepEqual(blocked, [])
    const quota = await page.locator(`p[data-quota="${member.id}"]`).textContent()
    assert.match(quota!.replace(/\s+/g, ' '), /2 uploads, [\d.]+ (bytes|KB) of 200 MB quota/)

    const shots = app.makePath('tmp/screenshots')
    mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: `${shots}/uploads-page.png`, fullPage: true })
    // At a phone's width the table stacks: no sideways scrolling of the page.
    await page.setViewportSize({ width: 375, height: 740 })
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth'
    )
    assert.isAtMost(overflow, 0)
    await page.setViewportSize({ width: 1280, height: 900 })

    await page.getByRole('button', { name: `Delete upload #${doomed.body().id}` }).click()
    await flashed(page, `Upload #${doomed.body().id} deleted.`)
    assert.equal(await page.locator(`tr[data-upload="${doomed.body().id}"]`).count(), 0)
    assert.equal(await page.locator(`tr[data-upload="${kept.body().id}"]`).count(), 1)
    assert.isNull(await db.from('uploads').where('id', doomed.body().id).first())
  }).skip(...skipWhen(chromiumRequired.skip, needsPlugins('uploads')))
})
