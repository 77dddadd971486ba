import { statfs } from 'node:fs/promises'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signedInUser } from '#tests/helpers/accounts'
import { forgetUploadUsage } from '#uploads/services/upload_disk_check'
import { fsPath, upload, withSettings } from '#uploads/tests/helpers'

async function diskCheck(client: Parameters<typeof signedInUser>[0]) {
  forgetUploadUsage()
  const response = await client.get('/health/ready')
  const check = response.body().checks.find((c: { name: string }) => c.name === 'Upload disk')
  return { response, check }
}

test.group('Uploads: the disk on /health/ready', (group) => {
  let restore: (() => void) | undefined
  group.each.teardown(() => {
    restore?.()
    restore = undefined
  })

  test('on the fs disk: bytes used (from the rows) and the volume’s free space, never the path', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    ;(await upload(client, member, Buffer.alloc(2000, 'x'), { filename: 'a.txt' })).assertStatus(
      201
    )
    const { response, check } = await diskCheck(client)
    response.assertStatus(200)
    assert.equal(check.status, 'ok')
    const sum = await db.from('uploads').sum('size as total').first()
    assert.equal(check.details.disk, 'fs')
    assert.equal(check.details.used_bytes, Number(sum.total))
    assert.isAtLeast(check.details.used_bytes, 2000)

    const volume = await statfs(fsPath())
    assert.equal(check.details.total_bytes, volume.blocks * volume.bsize)
    // Others write to the same volume meanwhile: close, not equal.
    const free = volume.bavail * volume.bsize
    assert.closeTo(check.details.free_bytes, free, 200 * 1024 * 1024)
    assert.match(check.message, /^\d+ MB free of \d+ MB$/)
    assert.notInclude(response.text(), fsPath())
  })

  test('below UPLOAD_DISK_WARN_FREE_MB a warning: the instance stays ready', async ({
    client,
    assert,
  }) => {
    restore = withSettings({ diskWarnFreeBytes: 1024 ** 5 })
    const { response, check } = await diskCheck(client)
    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    assert.equal(check.status, 'warning')
    assert.match(check.message, /^Upload disk is nearly full: \d+ MB free of \d+ MB$/)
  })

  test('a folder not made yet is measured on its volume; on S3 only the bytes', async ({
    client,
    assert,
  }) => {
    restore = withSettings({ fsRoot: `tmp/not-made-yet-${process.pid}/uploads` })
    const fresh = await diskCheck(client)
    assert.equal(fresh.check.status, 'ok')
    assert.isAbove(fresh.check.details.free_bytes, 0)
    restore()

    restore = withSettings({ disk: 's3' })
    const s3 = await diskCheck(client)
    s3.response.assertStatus(200)
    assert.equal(s3.check.message, 'Uploads are stored on S3')
    assert.deepEqual(Object.keys(s3.check.details).sort(), ['disk', 'used_bytes'])
  })
})
