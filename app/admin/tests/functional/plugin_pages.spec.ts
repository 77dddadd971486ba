import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import { randomUUID } from 'node:crypto'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import { ManageWebhooks } from '#webhooks/public'
import { sqlNow } from '#core/database/sql_now'
import { AdminAgent, flashText, squash } from '#admin/tests/helpers/admin_agent'
import { createActor, createPostFixture, signedInStaff } from '#admin/tests/helpers/admin_data'
import { pluginOn } from '#admin/services/plugin_pages'

const SECRET = 'admin-page-secret-0123456789'

/** A subscription, deleted (with its deliveries) after the test: other suites' worker ticks must not see it. */
async function subscription(cleanup: (fn: () => Promise<void>) => void) {
  const { subscription: created } = await new ManageWebhooks().create(
    {
      url: 'http://127.0.0.1:9/hook',
      events: ['post:created'],
      secret: SECRET,
      description: 'admin page test',
    },
    null
  )
  cleanup(() => new ManageWebhooks().delete(created.id, null))
  return created
}

async function active(id: number) {
  const row = await db.from('webhook_subscriptions').where('id', id).first()
  return Boolean(row.active)
}

test.group('Admin panel: audit log and webhooks pages', (group) => {
  group.each.setup(() => limiter.clear())

  test('the audit page lists a moderation done in the panel; admins only', async ({ assert }) => {
    const { agent: moderator, user: mod } = await signedInStaff('moderator')
    const { post } = await createPostFixture()
    const deleted = await moderator.post(
      `/admin/posts/${post.id}/delete`,
      {},
      { tokenFrom: '/admin/posts' }
    )
    assert.equal(deleted.status, 302)

    const { agent: admin } = await signedInStaff('admin')
    const dashboard = await admin.get('/admin')
    assert.include(dashboard.text, 'href="/admin/audit"')
    if (pluginOn('webhooks')) assert.include(dashboard.text, 'href="/admin/webhooks"')

    const page = await admin.get(`/admin/audit?actor=${mod.id}&action=post.deleted&resource=post`)
    assert.equal(page.status, 200)
    const row = squash(page.text).match(/<tr data-audit="\d+">.*?<\/tr>/)?.[0] ?? ''
    assert.include(row, 'post.deleted')
    assert.include(row, `post #${post.id}`)
    assert.include(row, `>${mod.name}</a>`)
    assert.include(squash(page.text), '1 entry, newest first')

    // Unknown filter values mean no filter, not an error page.
    assert.equal((await admin.get('/admin/audit?actor=x&action=%25&resource=nope')).status, 200)

    // Moderators: no link, and the action's refusal as a page.
    const modDashboard = await moderator.get('/admin')
    assert.notInclude(modDashboard.text, 'href="/admin/audit"')
    assert.notInclude(modDashboard.text, 'href="/admin/webhooks"')
    const refused = await moderator.get('/admin/audit')
    assert.equal(refused.status, 403)
    assert.include(refused.text, 'Only admins may read the audit log')
  }).skip(...needsPlugins('audit', 'board'))

  test('moderators and normal users are refused the webhooks page and its forms', async ({
    assert,
    cleanup,
  }) => {
    const created = await subscription(cleanup)
    const { agent: moderator } = await signedInStaff('moderator')
    const page = await moderator.get('/admin/webhooks')
    assert.equal(page.status, 403)
    assert.include(page.text, 'Only admins may manage webhooks')
    assert.notInclude(page.text, created.url)

    const attempt = await moderator.post(
      `/admin/webhooks/${created.id}/disable`,
      {},
      { tokenFrom: '/admin' }
    )
    assert.equal(attempt.status, 302)
    assert.include(flashText((await moderator.follow(attempt)).text), 'Only admins')
    assert.isTrue(await active(created.id))

    // A normal user gets no session, so the page sends them to sign in.
    const { user: normal } = await createActor('user')
    const other = new AdminAgent()
    assert.equal((await other.signIn(normal.name)).status, 403)
    const asUser = await other.get('/admin/webhooks')
    assert.equal(asUser.status, 302)
    assert.equal(asUser.location, '/admin/login')
  }).skip(...needsPlugins('webhooks'))

  test('an admin disables and enables a subscription; no CSRF, no change; never a secret', async ({
    assert,
    cleanup,
  }) => {
    const created = await subscription(cleanup)
    await db.table('webhook_deliveries').insert({
      subscription_id: created.id,
      event: 'post:created',
      delivery_key: randomUUID(),
      body: '{}',
      status: 'dead',
      attempts: 8,
      next_attempt_at: sqlNow(),
      last_status_code: 500,
      last_error: 'Server error from the receiver',
      created_at: sqlNow(),
      updated_at: sqlNow(),
    })
    const { agent } = await signedInStaff('admin')

    const page = await agent.get('/admin/webhooks')
    assert.equal(page.status, 200)
    assert.include(page.text, created.url)
    assert.include(page.text, 'webhook:create')
    assert.include(page.text, `action="/admin/webhooks/${created.id}/disable"`)
    const delivery = squash(page.text).match(/<tr data-delivery="\d+">.*?<\/tr>/)?.[0] ?? ''
    assert.include(delivery, `#${created.id}`)
    assert.include(delivery, 'dead')
    assert.include(delivery, '>8<')
    assert.include(delivery, 'HTTP 500 Server error from the receiver')

    const row = await db.from('webhook_subscriptions').where('id', created.id).first()
    for (const html of [page.text, (await agent.get('/admin/webhooks?status=dead')).text]) {
      assert.notInclude(html, SECRET)
      assert.notInclude(html, row.secret_encrypted)
    }

    const forged = await agent.post(`/admin/webhooks/${created.id}/disable`, {}, { csrf: false })
    assert.equal(forged.status, 403)
    assert.include(forged.text, 'Form expired')
    assert.isTrue(await active(created.id))

    const disabled = await agent.post(
      `/admin/webhooks/${created.id}/disable`,
      {},
      { tokenFrom: '/admin/webhooks' }
    )
    assert.equal(disabled.status, 302)
    assert.equal(disabled.location, '/admin/webhooks')
    const after = await agent.follow(disabled)
    assert.include(flashText(after.text), `Webhook #${created.id} disabled.`)
    assert.isFalse(await active(created.id))
    assert.include(after.text, `action="/admin/webhooks/${created.id}/enable"`)
    assert.include(after.text, 'Disabled by an operator')
    assert.notInclude(after.text, SECRET)

    const enabled = await agent.post(
      `/admin/webhooks/${created.id}/enable`,
      {},
      { tokenFrom: '/admin/webhooks' }
    )
    assert.include(flashText((await agent.follow(enabled)).text), `Webhook #${created.id} enabled.`)
    assert.isTrue(await active(created.id))

    const missing = await agent.post('/admin/webhooks/999999/enable', {}, { tokenFrom: '/admin' })
    assert.include(flashText((await agent.follow(missing)).text), 'not found')
  }).skip(...needsPlugins('webhooks'))
})
