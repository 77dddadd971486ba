import { mkdirSync } from 'node:fs'
import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import { skipWhen } from '#tests/helpers/required_services'
import app from '@adonisjs/core/services/app'
import { AuthUserLookup } from '#accounts/public'
import { EditPost, CategoryTreeCache } from '#board/public'
import { uniqueName } from '#tests/helpers/accounts'
import { createActor, createPostFixture } from '#admin/tests/helpers/admin_data'
import { chromiumRequired, flashed, browserPerGroup, signIn } from '#admin/tests/helpers/chromium'

/**
 * The panel in headless Chromium: real forms, cookies, CSRF tokens and
 * redirects, as a moderator or admin uses it.
 */
test.group('Admin panel in a browser', (group) => {
  const chromiumTabs = browserPerGroup(group)

  test('sign in and see the dashboard; tidy at desktop and phone widths', async ({ assert }) => {
    const { user } = await createActor('admin')
    await createPostFixture()
    const page = await signIn(chromiumTabs.context(), user.name)

    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Dashboard')
    assert.include(await page.getByRole('status').textContent(), `Signed in as ${user.name}`)
    assert.isTrue(await page.locator('svg.chart rect.bar').first().isVisible())
    assert.equal(await page.locator('svg.chart rect.bar').count(), 14)

    const shots = app.makePath('tmp/screenshots')
    mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: `${shots}/dashboard-desktop.png`, fullPage: true })
    for (const path of ['/admin', '/admin/users', '/admin/posts', '/admin/categories']) {
      await page.setViewportSize({ width: 375, height: 740 })
      await page.goto(path)
      // Nothing wider than a phone screen: no sideways scrolling of the page.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth'
      )
      assert.isAtMost(overflow, 0, path)
    }
    await page.goto('/admin')
    await page.screenshot({ path: `${shots}/dashboard-phone.png`, fullPage: true })

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL('**/admin/login')
    await page.goto('/admin')
    assert.match(page.url(), /\/admin\/login$/)
  }).skip(...skipWhen(chromiumRequired.skip, needsPlugins('board')))

  test('block a user with a reason', async ({ assert }) => {
    const { user: moderator } = await createActor('moderator')
    const { user: target } = await createActor()
    const page = await signIn(chromiumTabs.context(), moderator.name)

    await page.getByRole('link', { name: 'Users' }).click()
    await page.getByLabel('Name or email contains').fill(target.name)
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('link', { name: target.name }).click()
    await page.getByLabel('Reason for the block (optional)').fill('spamming links')
    await page.getByRole('button', { name: `Block ${target.name}` }).click()

    await flashed(page, 'User blocked.')
    assert.include(await page.locator('.facts').textContent(), 'spamming links')
    assert.deepInclude((await AuthUserLookup.load(target.id))!.states, 'blocked')
  }).skip(...chromiumRequired.skip)

  test('create a category and move it under another board', async ({ assert }) => {
    const { user } = await createActor('admin')
    const first = uniqueName('b')
    const second = uniqueName('b')
    const child = uniqueName('c')
    const page = await signIn(chromiumTabs.context(), user.name)
    await page.getByRole('link', { name: 'Categories' }).click()

    // Looked up within the form: the tree holds whatever categories earlier tests left.
    const form = page.locator('form[action="/admin/categories"]')
    const create = async (name: string, parent: string) => {
      await form.getByLabel('Name', { exact: true }).fill(name)
      await form.getByLabel('Parent').selectOption(parent)
      await form.getByRole('button', { name: 'Create' }).click()
      await flashed(page, `"${name}" created`)
    }
    await create(first, '')
    await create(second, '')
    await create(child, first)
    assert.include(await flashed(page, child), `created under "${first}"`)

    // Each category's forms are on its own page, linked from the tree.
    await page.locator(`li[data-category="${child}"]`).getByRole('link', { name: child }).click()
    await page.getByLabel('Move under').fill(second)
    await page.getByRole('button', { name: 'Move' }).click()

    await flashed(page, `"${child}" moved under "${second}".`)
    const tree = await CategoryTreeCache.fresh()
    assert.equal(tree.byName(child)!.parentId, tree.byName(second)!.id)
    // The moved category is listed right after its new board.
    const order = await page
      .locator('li[data-category]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-category')))
    assert.equal(order[order.indexOf(second) + 1], child)
  }).skip(...skipWhen(chromiumRequired.skip, needsPlugins('board')))

  test('delete a post and restore it', async ({ assert }) => {
    const { user } = await createActor('moderator')
    const { board, post } = await createPostFixture({ title: 'Doomed post', content: 'text' })
    const page = await signIn(chromiumTabs.context(), user.name)

    await page.getByRole('link', { name: 'Posts' }).click()
    await page.getByLabel('Board').selectOption(board)
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.locator(`tr[data-post="${post.id}"]`).getByRole('button', { name: 'Delete' }).click()
    await flashed(page, `Post #${post.id} deleted.`)
    assert.equal(await page.locator(`tr[data-post="${post.id}"]`).count(), 0)

    await page.getByLabel('Show').selectOption('deleted')
    await page.getByRole('button', { name: 'Filter' }).click()
    const row = page.locator(`tr[data-post="${post.id}"]`)
    await row.getByRole('button', { name: 'Restore' }).click()
    await flashed(page, `Post #${post.id} restored.`)

    await page.goto(`/admin/posts?board=${board}`)
    assert.equal(await page.locator(`tr[data-post="${post.id}"]`).count(), 1)
  }).skip(...skipWhen(chromiumRequired.skip, needsPlugins('board')))

  test('view a diff between two versions and restore the old one', async ({ assert }) => {
    const { user } = await createActor('moderator')
    const { actor, post } = await createPostFixture({
      title: 'Original title',
      content: 'The quick brown fox',
    })
    const editPost = new EditPost()
    await editPost.handle(actor, post.id, { title: 'Edited title', content: 'The slow brown fox' })
    await editPost.handle(actor, post.id, { title: 'Third title', content: 'The slow brown dog' })
    const page = await signIn(chromiumTabs.context(), user.name)

    await page.goto(`/admin/posts/${post.id}`)
    await page.getByLabel('From version').selectOption('1')
    await page.getByLabel('To version').selectOption('3')
    await page.getByRole('button', { name: 'Compare' }).click()
    await page.waitForURL(/from=1&to=3/)

    const diff = page.locator('#diff')
    assert.deepEqual(await diff.locator('del').allTextContents(), [
      'removed',
      'Original',
      'quick',
      'fox',
    ])
    assert.deepEqual(await diff.locator('ins').allTextContents(), ['added', 'Third', 'slow', 'dog'])

    await page
      .locator('tr[data-version="1"]')
      .getByRole('button', { name: 'Restore this version' })
      .click()
    await flashed(page, 'Version 1 restored as version 4.')
    assert.equal(
      await page.getByRole('heading', { level: 2 }).first().textContent(),
      'Original title'
    )
  }).skip(...skipWhen(chromiumRequired.skip, needsPlugins('board')))
})
