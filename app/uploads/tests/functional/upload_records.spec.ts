import { existsSync } from 'node:fs'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#core/database/sql_now'
import { signedInUser } from '#tests/helpers/accounts'
import { runCommand } from '#tests/helpers/ace'
import { scrape } from '#tests/helpers/metrics'
import { fsPath, pathOf, upload } from '#uploads/tests/helpers'
import * as fixtures from '#uploads/tests/fixtures'

/** Whether the fs disk holds the key (UPLOAD_FS_ROOT: a run may give its own folder). */
function onDisk(key: string) {
  return existsSync(fsPath(key))
}

async function rowOf(id: number) {
  return db.from('uploads').where('id', id).first()
}

test.group('Uploads: records, deletion and policy', () => {
  test('the uploader and staff read an upload record; others get 403, a missing one 404', async ({
    client,
  }) => {
    const owner = await signedInUser(client)
    const created = await upload(client, owner, await fixtures.png(), { filename: 'a.png' })
    const { id } = created.body()
    const own = await client.get(`/api/v1/uploads/${id}`).headers(owner.auth)
    own.assertStatus(200)
    own.assertBody(created.body())

    const stranger = await signedInUser(client)
    ;(await client.get(`/api/v1/uploads/${id}`).headers(stranger.auth)).assertStatus(403)
    const moderator = await signedInUser(client, { role: 'moderator' })
    ;(await client.get(`/api/v1/uploads/${id}`).headers(moderator.auth)).assertStatus(200)
    ;(await client.get('/api/v1/uploads/999999999').headers(owner.auth)).assertStatus(404)
    ;(await client.get(`/api/v1/uploads/${id}`)).assertStatus(401)
  })

  test('the uploader deletes their upload: row and files go, the URLs answer 404', async ({
    client,
    assert,
  }) => {
    const owner = await signedInUser(client)
    const created = await upload(client, owner, await fixtures.png(), { filename: 'a.png' })
    const { id, url, thumbnail_url: thumbnailUrl } = created.body()
    const row = await rowOf(id)
    assert.isTrue(onDisk(row.storage_key))
    assert.isTrue(onDisk(row.thumbnail_key))

    const stranger = await signedInUser(client)
    const refused = await client.delete(`/api/v1/uploads/${id}`).headers(stranger.auth)
    refused.assertStatus(403)
    assert.equal(
      refused.body().errors[0].message,
      'Only the uploader or a moderator may delete this upload'
    )

    ;(await client.delete(`/api/v1/uploads/${id}`).headers(owner.auth)).assertStatus(204)
    assert.isNull(await rowOf(id))
    assert.isFalse(onDisk(row.storage_key))
    assert.isFalse(onDisk(row.thumbnail_key))
    ;(await client.get(pathOf(url))).assertStatus(404)
    ;(await client.get(pathOf(thumbnailUrl))).assertStatus(404)
    ;(await client.delete(`/api/v1/uploads/${id}`).headers(owner.auth)).assertStatus(404)
  })

  test('moderators and admins delete anyone’s upload', async ({ client, assert }) => {
    const owner = await signedInUser(client)
    for (const role of ['moderator', 'admin'] as const) {
      const created = await upload(client, owner, Buffer.from('text'), { filename: 'a.txt' })
      const staff = await signedInUser(client, { role })
      const deleted = await client
        .delete(`/api/v1/uploads/${created.body().id}`)
        .headers(staff.auth)
      deleted.assertStatus(204)
      assert.isNull(await rowOf(created.body().id))
    }
  })

  test('uploads, bytes and refusals by reason are counted on /metrics', async ({
    client,
    assert,
  }) => {
    const sum = (samples: Awaited<ReturnType<typeof scrape>>, name: string, reason?: string) =>
      samples
        .filter((s) => s.name.endsWith(name) && (!reason || s.labels.reason === reason))
        .reduce((total, s) => total + s.value, 0)
    const before = await scrape(client)
    const member = await signedInUser(client)
    const stored = await upload(client, member, Buffer.from('counted'), { filename: 'a.txt' })
    await upload(client, member, fixtures.exe(), { filename: 'a.png', contentType: 'image/png' })
    const after = await scrape(client)
    assert.equal(sum(after, 'uploads_stored_total') - sum(before, 'uploads_stored_total'), 1)
    assert.equal(
      sum(after, 'uploads_bytes_total') - sum(before, 'uploads_bytes_total'),
      stored.body().size
    )
    assert.equal(
      sum(after, 'uploads_refused_total', 'type') - sum(before, 'uploads_refused_total', 'type'),
      1
    )
  })
})

test.group('Uploads: pruning unattached uploads', () => {
  test('uploads:prune removes unattached uploads older than the TTL; --dry-run only counts', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const make = async () => {
      const created = await upload(client, member, await fixtures.png(), { filename: 'a.png' })
      return rowOf(created.body().id)
    }
    const [old, attached, fresh] = [await make(), await make(), await make()]
    const dayAgo = sqlTime(Date.now() - 25 * 3_600_000)
    await db.from('uploads').whereIn('id', [old.id, attached.id]).update({ created_at: dayAgo })
    await db.from('uploads').where('id', attached.id).update({ attached_at: sqlTime() })

    const dry = await runCommand('uploads:prune', ['--dry-run'])
    assert.equal(dry.exitCode, 0)
    assert.match(dry.output, /1 unattached upload\(s\) older than 24 h \(\d+ bytes\) would be/)
    assert.isNotNull(await rowOf(old.id))

    const run = await runCommand('uploads:prune', [])
    assert.equal(run.exitCode, 0)
    assert.match(run.output, /1 unattached upload\(s\) older than 24 h removed/)
    assert.isNull(await rowOf(old.id))
    assert.isFalse(onDisk(old.storage_key))
    assert.isFalse(onDisk(old.thumbnail_key))
    assert.isNotNull(await rowOf(attached.id))
    assert.isNotNull(await rowOf(fresh.id))
    assert.isTrue(onDisk(fresh.storage_key))
  })
})
