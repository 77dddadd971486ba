import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import sharp from 'sharp'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard } from '#tests/helpers/board'
import { pathOf, upload, withSettings } from '#uploads/tests/helpers'
import { BUCKET, onS3Bucket } from '#uploads/tests/s3_server'
import { uploadDisk } from '#uploads/services/upload_disk'
import config from '#uploads/config'
import * as fixtures from '#uploads/tests/fixtures'

test.group('Uploads on an S3 bucket (s3rver on 127.0.0.1)', (group) => {
  const server = onS3Bucket(group)

  test('an image goes to the bucket cleaned; its URL redirects to a signed URL of the bucket', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const created = await upload(client, member, await fixtures.jpegWithGps(), {
      filename: 'photo.jpg',
      contentType: 'image/jpeg',
    })
    created.assertStatus(201)
    const body = created.body()
    assert.containsSubset(body, { content_type: 'image/jpeg', width: 40, height: 60 })

    const row = await db.from('uploads').where('id', body.id).first()
    assert.isTrue(await uploadDisk().exists(row.storage_key))
    assert.isTrue(await uploadDisk().exists(row.thumbnail_key))

    const redirect = await client.get(pathOf(body.url)).redirects(0)
    redirect.assertStatus(302)
    const location = String(redirect.header('location'))
    assert.isTrue(location.startsWith(`${server.endpoint}/${BUCKET}/${row.storage_key}?`))
    assert.include(location, 'X-Amz-Signature=')

    const object = await fetch(location)
    assert.equal(object.status, 200)
    assert.equal(object.headers.get('content-type'), 'image/jpeg')
    const bytes = Buffer.from(await object.arrayBuffer())
    assert.equal(bytes.length, body.size)
    const meta = await sharp(bytes).metadata()
    assert.equal(meta.width, 40)
    assert.isUndefined(meta.exif)

    const thumb = await fetch(
      String((await client.get(pathOf(body.thumbnail_url)).redirects(0)).header('location'))
    )
    assert.equal(thumb.status, 200)
    assert.equal((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).format, 'webp')
  })

  test('a PDF is signed for download as an attachment; deleting removes the objects', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const created = await upload(client, member, fixtures.pdf(), {
      filename: 'report.pdf',
      contentType: 'application/pdf',
    })
    created.assertStatus(201)
    const row = await db.from('uploads').where('id', created.body().id).first()
    const location = String(
      (await client.get(pathOf(created.body().url)).redirects(0)).header('location')
    )
    const object = await fetch(location)
    assert.equal(object.status, 200)
    assert.match(
      String(object.headers.get('content-disposition')),
      /^attachment; filename="report.pdf"/
    )
    assert.deepEqual(Buffer.from(await object.arrayBuffer()), fixtures.pdf())

    ;(
      await client.delete(`/api/v1/uploads/${created.body().id}`).headers(member.auth)
    ).assertStatus(204)
    assert.isFalse(await uploadDisk().exists(row.storage_key))
    ;(await client.get(pathOf(created.body().url)).redirects(0)).assertStatus(404)
  })

  test('a refused file leaves nothing in the bucket', async ({ client, assert }) => {
    const objects = async () => {
      const listed = await uploadDisk().listAll('', { recursive: true })
      return [...listed.objects].length
    }
    const before = await objects()
    const member = await signedInUser(client)
    const refused = await upload(client, member, fixtures.pngBomb(), { filename: 'b.png' })
    refused.assertStatus(422)
    assert.equal(await objects(), before)
  })

  test('an attachment of a deleted post is refused to strangers, signed for its uploader', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const created = await upload(client, author, await fixtures.png(), { filename: 'a.png' })
    const image = created.body()
    const post = await client
      .post(`/api/v1/board/${category}`)
      .headers(author.auth)
      .json({ title: 'On S3', content: 'An image', attachments: [image.id] })
    post.assertStatus(201)
    assert.equal(post.body().attachments[0].url, image.url)

    ;(await client.delete(`/api/v1/post/${post.body().id}`).headers(author.auth)).assertStatus(204)
    ;(await client.get(pathOf(image.url)).redirects(0)).assertStatus(404)
    const own = await client.get(pathOf(image.url)).headers(author.auth).redirects(0)
    own.assertStatus(302)
    assert.equal(own.header('cache-control'), 'private, no-store')
    assert.equal((await fetch(String(own.header('location')))).status, 200)

    const restored = await client
      .post(`/api/v1/post/${post.body().id}/restore`)
      .headers(author.auth)
    restored.assertStatus(200)
    ;(await client.get(pathOf(image.url)).redirects(0)).assertStatus(302)
  })

  test('a bucket that refuses the write answers 503, keeps no row; concurrent uploads keep the quota', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const settings = config.get()
    const missing = withSettings({ s3: { ...settings.s3, bucket: 'no-such-bucket' } })
    try {
      const refused = await upload(client, member, Buffer.from('some text'), { filename: 'a.txt' })
      refused.assertStatus(503)
      assert.deepEqual(refused.body().errors[0].code, 'E_SERVICE_UNAVAILABLE')
      assert.notInclude(refused.text(), 'no-such-bucket')
    } finally {
      missing()
    }
    assert.lengthOf(await db.from('uploads').where('user_id', member.id), 0)

    const objects = async () => {
      const listed = await uploadDisk().listAll('', { recursive: true })
      return [...listed.objects].length
    }
    const before = await objects()
    const quota = withSettings({ quotaBytes: 5000, perUserPerMinute: 100 })
    try {
      const statuses = await Promise.all(
        Array.from({ length: 4 }, (_, index) =>
          upload(client, member, Buffer.alloc(3000, 97 + index), { filename: `${index}.txt` })
        )
      )
      assert.deepEqual(statuses.map((response) => response.status()).sort(), [201, 413, 413, 413])
      const rows = await db.from('uploads').where('user_id', member.id)
      assert.lengthOf(rows, 1)
      // The refused uploads' objects were removed from the bucket again.
      assert.equal(await objects(), before + 1)
      assert.isTrue(await uploadDisk().exists(rows[0].storage_key))
      for (const response of statuses.filter((r) => r.status() === 413)) {
        assert.equal(response.body().errors[0].code, 'E_QUOTA_EXCEEDED')
      }
    } finally {
      quota()
    }
  })
})
