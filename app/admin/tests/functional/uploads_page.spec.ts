import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import { randomBytes } from 'node:crypto'
import { sqlTime } from '#core/database/sql_now'
import { needsPlugins } from '#tests/helpers/plugins'
import { signedInUser } from '#tests/helpers/accounts'
import { AdminAgent, flashText, squash } from '#admin/tests/helpers/admin_agent'
import { createActor, signedInStaff } from '#admin/tests/helpers/admin_data'
import { pluginOn } from '#admin/services/plugin_pages'
import { png, upload } from '#tests/helpers/uploads'

/** The page's rows, in order: `data-upload` ids. */
function rowIds(html: string) {
  return [...html.matchAll(/<tr data-upload="(\d+)">/g)].map((match) => Number(match[1]))
}

function rowOf(html: string, id: number) {
  return squash(html).match(new RegExp(`<tr data-upload="${id}">.*?</tr>`))?.[0] ?? ''
}

/** `count` upload rows of one member without files (the list reads rows only), sizes 1000, 1001, ... */
async function insertRows(userId: number, count: number) {
  const rows = Array.from({ length: count }, (_, index) => {
    const publicId = randomBytes(16).toString('hex')
    return {
      user_id: userId,
      public_id: publicId,
      storage_key: `${publicId.slice(0, 2)}/${publicId.slice(2, 4)}/${publicId}.txt`,
      content_type: 'text/plain',
      // Not in id order: sorting by size must differ from sorting by age.
      size: 1000 + ((index * 7) % count),
      sha256: '0'.repeat(64),
      created_at: sqlTime(),
    }
  })
  for (const row of rows) await db.table('uploads').insert(row)
  const ids = await db.from('uploads').where('user_id', userId).orderBy('id', 'asc').select('id')
  return ids.map((row) => Number(row.id))
}

test.group('Admin panel: uploads page', (group) => {
  group.each.setup(() => limiter.clear())

  test('staff see uploads with thumbnail, uploader, quota, size, type and date; the link is in the menu', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const image = await upload(client, member, await png(30, 20), {
      filename: 'holiday <photo>.png',
      contentType: 'image/png',
    })
    image.assertStatus(201)
    const text = await upload(client, member, Buffer.alloc(3000, 'a'), { filename: 'notes.txt' })
    text.assertStatus(201)
    const { id, thumbnail_url: thumbnailUrl } = image.body()

    for (const role of ['moderator', 'admin'] as const) {
      const { agent } = await signedInStaff(role)
      assert.include((await agent.get('/admin')).text, 'href="/admin/uploads"', role)
      const page = await agent.get('/admin/uploads')
      assert.equal(page.status, 200)
      // Newest first: the text file (uploaded second) comes before the image.
      const ids = rowIds(page.text)
      assert.isBelow(ids.indexOf(text.body().id), ids.indexOf(id))
      const row = rowOf(page.text, id)
      assert.include(row, `<img class="thumb" src="${thumbnailUrl}"`)
      assert.include(row, 'alt="Thumbnail of holiday &lt;photo&gt;.png"')
      assert.include(row, `href="/admin/uploads?user=${member.name}"> ${member.name} </a>`)
      assert.include(row, 'image/png, 30×20')
      assert.match(row, /\d+ bytes<\/td>/)
      assert.match(row, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
      assert.include(row, 'not attached yet')
      // Quota: both uploads count, against UPLOAD_QUOTA_MB (200 MB).
      assert.match(row, /\d+(\.\d)? KB of 200 MB \(0%\)/)
      assert.include(row, `action="/admin/uploads/${id}/delete"`)
      assert.include(rowOf(page.text, text.body().id), '<span class="tag">text/plain</span>')
    }

    // The panel is for staff: a member gets no session at all.
    const { user } = await createActor('user')
    const other = new AdminAgent()
    assert.equal((await other.signIn(user.name)).status, 403)
    assert.equal((await other.get('/admin/uploads')).location, '/admin/login')
  }).skip(...needsPlugins('uploads'))

  test('filter by uploader name (with their quota), order by size, and page through with a cursor', async ({
    assert,
  }) => {
    const { user: member } = await createActor()
    const ids = await insertRows(member.id, 30)
    await db
      .from('uploads')
      .where('id', ids[0])
      .update({ size: 5 * 1024 * 1024 })
    const { agent } = await signedInStaff('moderator')

    const first = await agent.get(`/admin/uploads?user=${member.name.toUpperCase()}`)
    assert.equal(first.status, 200)
    const newest = rowIds(first.text)
    assert.deepEqual(newest, [...ids].reverse().slice(0, 25))
    const quota = squash(first.text).match(/<p class="muted" data-quota="\d+">.*?<\/p>/)?.[0] ?? ''
    assert.include(quota, `>${member.name}</a>`)
    assert.include(quota, '30 uploads')
    assert.match(quota, /5(\.\d)? MB of 200 MB quota \(3%\)/)

    const next = first.text.match(/href="\/admin\/uploads\?([^"]+)" rel="next"/)?.[1]
    assert.exists(next)
    const second = await agent.get(`/admin/uploads?${next!.replaceAll('&amp;', '&')}`)
    assert.deepEqual(rowIds(second.text), [...ids].reverse().slice(25))
    assert.notMatch(second.text, /rel="next"/)
    assert.include(second.text, 'First page')

    const bySize = await agent.get(`/admin/uploads?user=${member.name}&sort=size`)
    const sizes = await db.from('uploads').whereIn('id', rowIds(bySize.text)).select('id', 'size')
    const sizeOf = new Map(sizes.map((row) => [Number(row.id), Number(row.size)]))
    const order = rowIds(bySize.text)
    assert.equal(order[0], ids[0])
    for (let i = 1; i < order.length; i++) {
      assert.isAtLeast(sizeOf.get(order[i - 1])!, sizeOf.get(order[i])!)
    }
    const sizeNext = bySize.text.match(/href="\/admin\/uploads\?([^"]+)" rel="next"/)?.[1]
    const sizeSecond = await agent.get(`/admin/uploads?${sizeNext!.replaceAll('&amp;', '&')}`)
    const all = [...order, ...rowIds(sizeSecond.text)]
    assert.sameMembers(all, ids)

    const unknown = await agent.get('/admin/uploads?user=nobody-by-this-name')
    assert.equal(unknown.status, 200)
    assert.include(unknown.text, 'No member is named “nobody-by-this-name”.')
    assert.deepEqual(rowIds(unknown.text), [])
    // A cursor that is not one means the first page, not an error page.
    assert.equal((await agent.get('/admin/uploads?cursor=%27;drop&sort=x')).status, 200)
  }).skip(...needsPlugins('uploads'))

  test('staff delete an upload: CSRF required, the files go, the audit log records it', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const created = await upload(client, member, await png(), { filename: 'a.png' })
    const { id } = created.body()
    const { agent, user: moderator } = await signedInStaff('moderator')

    const forged = await agent.post(`/admin/uploads/${id}/delete`, {}, { csrf: false })
    assert.equal(forged.status, 403)
    assert.include(forged.text, 'Form expired')
    assert.isNotNull(await db.from('uploads').where('id', id).first())

    const deleted = await agent.post(
      `/admin/uploads/${id}/delete`,
      {},
      { tokenFrom: '/admin/uploads' }
    )
    assert.equal(deleted.status, 302)
    assert.equal(deleted.location, '/admin/uploads')
    const after = await agent.follow(deleted)
    assert.include(flashText(after.text), `Upload #${id} deleted.`)
    assert.deepEqual(
      rowIds(after.text).filter((shown) => shown === id),
      []
    )
    assert.isNull(await db.from('uploads').where('id', id).first())
    // The files went with the row.
    ;(await client.get(new URL(created.body().url, 'http://x').pathname)).assertStatus(404)
    ;(await client.get(new URL(created.body().thumbnail_url, 'http://x').pathname)).assertStatus(
      404
    )

    if (pluginOn('audit')) {
      const entry = await db
        .from('audit_entries')
        .where({ action: 'upload.deleted', resource_id: id })
        .first()
      assert.equal(Number(entry.actor_id), moderator.id)
      assert.equal(entry.resource_type, 'upload')
      assert.deepEqual(JSON.parse(entry.details), { uploaderId: member.id })
      // The uploader deleting their own upload is not audit material.
      const own = await upload(client, member, Buffer.from('mine'), { filename: 'a.txt' })
      await client.delete(`/api/v1/uploads/${own.body().id}`).headers(member.auth)
      assert.isNull(
        await db
          .from('audit_entries')
          .where({ action: 'upload.deleted', resource_id: own.body().id })
          .first()
      )
    }

    const missing = await agent.post('/admin/uploads/999999999/delete', {}, { tokenFrom: '/admin' })
    assert.include(flashText((await agent.follow(missing)).text), 'Upload not found')
  }).skip(...needsPlugins('uploads'))
})
