import { readdir } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import sharp from 'sharp'
import { PASSWORD, signedInUser } from '#tests/helpers/accounts'
import { pathOf, upload, withSettings } from '#uploads/tests/helpers'
import * as fixtures from '#uploads/tests/fixtures'

async function tmpUploads() {
  return readdir(app.tmpPath('uploads')).catch(() => [])
}

async function rowsOf(userId: number) {
  return db.from('uploads').where('user_id', userId)
}

test.group('Uploads on the fs disk: storing and serving', () => {
  test('a JPEG loses its EXIF and GPS, is turned upright, gets a thumbnail and is served immutable', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const jpeg = await fixtures.jpegWithGps()
    const response = await upload(client, member, jpeg, {
      filename: 'holiday.jpg',
      contentType: 'image/jpeg',
    })
    response.assertStatus(201)
    const body = response.body()
    assert.containsSubset(body, { content_type: 'image/jpeg', width: 40, height: 60 })
    assert.match(body.url, /\/uploads\/[a-f0-9]{32}\.jpg$/)
    assert.match(body.thumbnail_url, /\/uploads\/[a-f0-9]{32}_thumb\.webp$/)
    assert.isAbove(body.size, 0)

    const file = await client.get(pathOf(body.url))
    file.assertStatus(200)
    file.assertHeader('content-type', 'image/jpeg')
    file.assertHeader('cache-control', 'public, max-age=31536000, immutable')
    file.assertHeader('x-content-type-options', 'nosniff')
    assert.match(String(file.header('content-disposition')), /^inline/)
    const bytes: Buffer = file.body()
    assert.equal(bytes.length, body.size)
    const meta = await sharp(bytes).metadata()
    assert.equal(meta.width, 40)
    assert.equal(meta.height, 60)
    assert.isUndefined(meta.exif)
    assert.notEqual(meta.orientation, 6)
    assert.isFalse(bytes.includes('SpyCam'))

    const etag = String(file.header('etag'))
    assert.match(etag, /^"[a-f0-9]{32}"$/)
    const again = await client.get(pathOf(body.url)).header('if-none-match', etag)
    again.assertStatus(304)

    const thumb = await client.get(pathOf(body.thumbnail_url))
    thumb.assertStatus(200)
    thumb.assertHeader('content-type', 'image/webp')
    const thumbMeta = await sharp(thumb.body()).metadata()
    assert.equal(thumbMeta.format, 'webp')

    const [row] = await rowsOf(member.id)
    assert.equal(row.id, body.id)
    assert.match(row.sha256, /^[a-f0-9]{64}$/)
    assert.isNull(row.attached_at)
  })

  test('a PDF and a text file are kept as they are and downloaded, never shown inline', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const pdf = await upload(client, member, fixtures.pdf(), {
      filename: 'minutes "draft".pdf',
      contentType: 'application/pdf',
    })
    pdf.assertStatus(201)
    assert.containsSubset(pdf.body(), {
      content_type: 'application/pdf',
      width: null,
      height: null,
      thumbnail_url: null,
      size: fixtures.pdf().length,
    })
    const served = await client.get(pathOf(pdf.body().url))
    served.assertStatus(200)
    served.assertHeader('content-type', 'application/pdf')
    assert.match(
      String(served.header('content-disposition')),
      /^attachment; filename="minutes _draft_.pdf"/
    )

    const text = await upload(client, member, Buffer.from('Grüße, plain text\n'), {
      filename: 'notes.txt',
      contentType: 'text/plain',
    })
    text.assertStatus(201)
    assert.equal(text.body().content_type, 'text/plain')
    assert.match(text.body().url, /\.txt$/)
    const servedText = await client.get(pathOf(text.body().url))
    servedText.assertHeader('content-type', 'text/plain; charset=utf-8')
    assert.match(String(servedText.header('content-disposition')), /^attachment/)
  })

  test('served URLs are only public ids: traversal, unknown ids and wrong extensions are 404', async ({
    client,
  }) => {
    const member = await signedInUser(client)
    const created = await upload(client, member, await fixtures.png(), { filename: 'a.png' })
    const path = pathOf(created.body().url)
    for (const probe of [
      '/uploads/..%2F..%2Fpackage.json',
      '/uploads/..%2f.env',
      '/uploads/%2e%2e%2fpackage.json',
      `/uploads/${'0'.repeat(32)}.png`,
      path.replace('.png', '.pdf'),
      path.replace('.png', '_thumb.png'),
      path.toUpperCase(),
    ]) {
      const response = await client.get(probe)
      response.assertStatus(404)
    }
  })
})

test.group('Uploads on the fs disk: refusals', (group) => {
  let restore: (() => void) | undefined
  group.each.teardown(() => {
    restore?.()
    restore = undefined
  })

  test('a disguised file is refused with 422 E_UNSUPPORTED_MEDIA and nothing is kept', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const cases: [Buffer, string, string][] = [
      [fixtures.pdf(), 'scan.png', 'image/png'], // a PDF renamed .png
      [fixtures.exe(), 'cat.png', 'image/png'], // an executable sent as a PNG
      [fixtures.fakePng(), 'broken.png', 'image/png'], // PNG signature, no image
      [Buffer.from([0, 1, 2, 3, 255, 254, 0, 9]), 'data.bin', 'application/octet-stream'],
      [fixtures.pdf(), 'scan.jpg', 'image/jpeg'],
    ]
    for (const [bytes, filename, contentType] of cases) {
      const response = await upload(client, member, bytes, { filename, contentType })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].code, 'E_UNSUPPORTED_MEDIA', filename)
    }
    assert.lengthOf(await rowsOf(member.id), 0)
    assert.lengthOf(await tmpUploads(), 0)
  })

  test('types outside UPLOAD_TYPES are refused', async ({ client, assert }) => {
    restore = withSettings({ types: ['image/png'] })
    const member = await signedInUser(client)
    const response = await upload(client, member, fixtures.pdf(), {
      filename: 'a.pdf',
      contentType: 'application/pdf',
    })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].code, 'E_UNSUPPORTED_MEDIA')
    assert.match(response.body().errors[0].message, /application\/pdf/)
  })

  test('a decompression bomb is refused from its header with 422 E_IMAGE_TOO_LARGE', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const bomb = fixtures.pngBomb()
    assert.isBelow(bomb.length, 2000)
    const response = await upload(client, member, bomb, {
      filename: 'bomb.png',
      contentType: 'image/png',
    })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].code, 'E_IMAGE_TOO_LARGE')
    assert.lengthOf(await rowsOf(member.id), 0)
  })

  test('an animated GIF is kept animated by default, refused with UPLOAD_ANIMATED=refuse', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const gif = await fixtures.animatedGif()
    const kept = await upload(client, member, gif, { filename: 'a.gif', contentType: 'image/gif' })
    kept.assertStatus(201)
    assert.containsSubset(kept.body(), { content_type: 'image/gif', width: 10, height: 10 })
    const served = await client.get(pathOf(kept.body().url))
    assert.equal((await sharp(served.body(), { animated: true }).metadata()).pages, 2)

    restore = withSettings({ animated: 'refuse' })
    const refused = await upload(client, member, gif, { filename: 'b.gif' })
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].code, 'E_ANIMATED_IMAGE')
  })

  test('a file over UPLOAD_MAX_MB is 413 E_PAYLOAD_TOO_LARGE, with or without a Content-Length', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    // The default (10 MB): refused from the declared length, before the body is read.
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a')
    const declared = await upload(client, member, big, { filename: 'big.txt' })
    declared.assertStatus(413)
    assert.equal(declared.body().errors[0].code, 'E_PAYLOAD_TOO_LARGE')

    // Within the framing allowance: the body parser stops the stream past the limit.
    restore = withSettings({ maxBytes: 100 * 1024 })
    const streamed = await upload(client, member, Buffer.alloc(100 * 1024 + 10, 'b'), {
      filename: 'over.txt',
    })
    streamed.assertStatus(413)
    assert.equal(streamed.body().errors[0].code, 'E_PAYLOAD_TOO_LARGE')
    const exact = await upload(client, member, Buffer.alloc(100 * 1024, 'c'), {
      filename: 'exact.txt',
    })
    exact.assertStatus(201)
    assert.lengthOf(await rowsOf(member.id), 1)
    assert.lengthOf(await tmpUploads(), 0)
  })

  test('past UPLOAD_QUOTA_MB an upload is 413 E_QUOTA_EXCEEDED', async ({ client, assert }) => {
    restore = withSettings({ quotaBytes: 5000 })
    const member = await signedInUser(client)
    const first = await upload(client, member, Buffer.alloc(3000, 'a'), { filename: 'a.txt' })
    first.assertStatus(201)
    const second = await upload(client, member, Buffer.alloc(3000, 'b'), { filename: 'b.txt' })
    second.assertStatus(413)
    assert.equal(second.body().errors[0].code, 'E_QUOTA_EXCEEDED')
    // Another member has a quota of their own.
    const other = await signedInUser(client)
    const theirs = await upload(client, other, Buffer.alloc(3000, 'b'), { filename: 'b.txt' })
    theirs.assertStatus(201)
    // The quota's lock row goes with a deleted account (nothing else would ever remove it).
    assert.isNotNull(await db.from('upload_quota_locks').where('user_id', other.id).first())
    const deleted = await client
      .delete('/api/v1/user')
      .headers(other.auth)
      .json({ current_password: PASSWORD })
    deleted.assertStatus(204)
    assert.isNull(await db.from('upload_quota_locks').where('user_id', other.id).first())
  })

  test('uploading needs a token, a file part, and stays under the rate limit', async ({
    client,
    assert,
  }) => {
    const anonymous = await upload(client, null, Buffer.from('hi'), { filename: 'a.txt' })
    anonymous.assertStatus(401)

    const member = await signedInUser(client)
    const noFile = await client
      .post('/api/v1/uploads')
      .headers(member.auth)
      .field('other', 'x')
      .file('attachment', Buffer.from('hi'), { filename: 'a.txt' })
    noFile.assertStatus(422)
    assert.equal(noFile.body().errors[0].code, 'E_UNSUPPORTED_MEDIA')
    const json = await client.post('/api/v1/uploads').headers(member.auth).json({ file: 'x' })
    json.assertStatus(422)

    restore = withSettings({ perUserPerMinute: 2 })
    const limited = await signedInUser(client)
    for (const status of [201, 201, 429]) {
      const response = await upload(client, limited, Buffer.from('hello'), { filename: 'a.txt' })
      response.assertStatus(status)
    }
  })
})
