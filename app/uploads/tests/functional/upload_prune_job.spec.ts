import { existsSync } from 'node:fs'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#core/database/sql_now'
import { signedInUser } from '#tests/helpers/accounts'
import { startServer } from '#tests/helpers/server_process'
import { waitFor } from '#tests/helpers/mail'
import { fsPath, upload } from '#uploads/tests/helpers'
import * as fixtures from '#uploads/tests/fixtures'

/*
 * The prune job as production runs it: bin/server.ts as a child process,
 * whose provider starts the loop (UPLOAD_PRUNE_WORKER, UPLOAD_PRUNE_INTERVAL_MS).
 */
test.group('Uploads: the prune job in a server process', () => {
  test('the job removes an unattached upload past the cut-off on its interval; attached and fresh ones stay', async ({
    client,
    assert,
    cleanup,
  }) => {
    const server = await startServer({
      UPLOAD_PRUNE_WORKER: 'true',
      UPLOAD_PRUNE_INTERVAL_MS: '1000',
      UPLOAD_UNATTACHED_TTL_HOURS: '24',
    })
    cleanup(() => server.kill())

    // Made after the server started: its first poll (at start) has passed, so only a later
    // tick of the interval can remove them.
    const member = await signedInUser(client)
    const make = async () => {
      const created = await upload(client, member, await fixtures.png(), { filename: 'a.png' })
      created.assertStatus(201)
      return db.from('uploads').where('id', created.body().id).first()
    }
    const [old, attached, fresh] = [await make(), await make(), await make()]
    const cutOff = sqlTime(Date.now() - 25 * 3_600_000)
    await db.from('uploads').whereIn('id', [old.id, attached.id]).update({ created_at: cutOff })
    await db.from('uploads').where('id', attached.id).update({ attached_at: sqlTime() })

    // Rows first, then files: wait for both.
    const gone = async () =>
      !(await db.from('uploads').where('id', old.id).first()) &&
      !existsSync(fsPath(old.storage_key)) &&
      !existsSync(fsPath(old.thumbnail_key))
    await waitFor(gone, 'the prune job to remove the old upload and its files', 15_000)
    assert.isNotNull(await db.from('uploads').where('id', attached.id).first())
    assert.isNotNull(await db.from('uploads').where('id', fresh.id).first())
    assert.isTrue(existsSync(fsPath(fresh.storage_key)))

    assert.equal(await server.stop(), 0)
    assert.match(server.stdout(), /"removed":[1-9]\d*[^\n]*unattached uploads pruned/)
  }).timeout(60_000)

  test('UPLOAD_PRUNE_WORKER=false: a server process prunes nothing', async ({
    client,
    assert,
    cleanup,
  }) => {
    const server = await startServer({
      UPLOAD_PRUNE_WORKER: 'false',
      UPLOAD_PRUNE_INTERVAL_MS: '1000',
    })
    cleanup(() => server.kill())
    const member = await signedInUser(client)
    const created = await upload(client, member, Buffer.from('old text'), { filename: 'a.txt' })
    const id = created.body().id
    await db
      .from('uploads')
      .where('id', id)
      .update({ created_at: sqlTime(Date.now() - 25 * 3_600_000) })
    // Three intervals.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    assert.isNotNull(await db.from('uploads').where('id', id).first())
    assert.equal(await server.stop(), 0)
    await db.from('uploads').where('id', id).delete()
  }).timeout(60_000)
})
