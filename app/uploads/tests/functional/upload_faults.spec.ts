import { readdir, rename, rm, writeFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { signedInUser } from '#tests/helpers/accounts'
import { fsPath, upload, withSettings } from '#uploads/tests/helpers'
import * as fixtures from '#uploads/tests/fixtures'

/** Every file under a folder, recursively (relative paths). */
async function filesUnder(folder: string) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).length
}

/** The documented error shape of a server fault: a generic message, no stack, no path. */
function assertServerFault(
  assert: { isAtLeast: Function; deepEqual: Function; notInclude: Function },
  response: { status(): number; body(): any; text(): string }
) {
  assert.isAtLeast(response.status(), 500)
  assert.deepEqual(response.body(), {
    errors: [
      { code: 'E_SERVICE_UNAVAILABLE', message: 'A dependency is unavailable, try again later' },
    ],
  })
  assert.notInclude(response.text(), ' at ')
  assert.notInclude(response.text(), app.appRoot.pathname)
}

test.group('Uploads: quota under concurrency', (group) => {
  let restore: (() => void) | undefined
  group.each.teardown(() => {
    restore?.()
    restore = undefined
  })

  test('concurrent uploads never take a member past the quota, and leave no stray files', async ({
    client,
    assert,
  }) => {
    restore = withSettings({ quotaBytes: 5000, perUserPerMinute: 100 })
    const member = await signedInUser(client)
    const filesBefore = await filesUnder(fsPath())
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        upload(client, member, Buffer.alloc(3000, 97 + index), { filename: `${index}.txt` })
      )
    )
    const statuses = responses.map((response) => response.status()).sort()
    assert.deepEqual(statuses, [201, 413, 413, 413, 413, 413])
    for (const refused of responses.filter((response) => response.status() === 413)) {
      assert.equal(refused.body().errors[0].code, 'E_QUOTA_EXCEEDED')
    }
    const rows = await db.from('uploads').where('user_id', member.id)
    assert.lengthOf(rows, 1)
    // The refused ones' files were removed from the disk again.
    assert.equal(await filesUnder(fsPath()), filesBefore + 1)
  })
})

test.group('Uploads: server faults are 5xx, not the client’s fault', (group) => {
  let restore: (() => Promise<void> | void) | undefined
  group.each.teardown(async () => {
    await restore?.()
    restore = undefined
  })

  test('a temporary file that cannot be written answers 503, not 422', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    // The temporary folder replaced by a file: no temporary file can be made.
    const folder = app.tmpPath('uploads')
    const aside = `${folder}-aside-${process.pid}`
    await rename(folder, aside).catch(() => {})
    await writeFile(folder, 'not a folder')
    restore = async () => {
      await rm(folder, { force: true })
      await rename(aside, folder).catch(() => {})
    }
    for (const [bytes, filename] of [
      [Buffer.from('some text'), 'a.txt'],
      [await fixtures.png(), 'a.png'],
    ] as const) {
      const response = await upload(client, member, bytes, { filename })
      assertServerFault(assert, response)
    }
    assert.lengthOf(await db.from('uploads').where('user_id', member.id), 0)
  })

  test('a disk that refuses the write answers 503 and keeps no row', async ({ client, assert }) => {
    const member = await signedInUser(client)
    // A "folder" under a file: every write fails with ENOTDIR.
    const blocker = app.tmpPath(`not-a-folder-${process.pid}`)
    await writeFile(blocker, 'x')
    const settings = withSettings({ fsRoot: `${blocker}/uploads` })
    restore = async () => {
      settings()
      await rm(blocker, { force: true })
    }
    for (const [bytes, filename] of [
      [Buffer.from('some text'), 'a.txt'],
      [await fixtures.png(), 'a.png'],
    ] as const) {
      const response = await upload(client, member, bytes, { filename })
      assertServerFault(assert, response)
    }
    assert.lengthOf(await db.from('uploads').where('user_id', member.id), 0)
    assert.lengthOf(await readdir(app.tmpPath('uploads')), 0)
  })
})
