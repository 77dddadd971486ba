import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import sharp from 'sharp'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'
import { at, putAvatar, withAvatar } from '#uploads/tests/helpers'
import { BUCKET, onS3Bucket } from '#uploads/tests/s3_server'
import { uploadDisk } from '#uploads/services/upload_disk'
import { AVATAR_SIZES, avatarKey, avatarKeys } from '#uploads/domain/avatar_sizes'
import * as fixtures from '#uploads/tests/fixtures'

test.group('Avatars on an S3 bucket (s3rver on 127.0.0.1)', (group) => {
  const server = onS3Bucket(group)

  group.each.setup(() => limiter.clear())

  const objects = async () => {
    const listed = await uploadDisk().listAll('', { recursive: true })
    return [...listed.objects]
      .map((object) => ('key' in object ? object.key : object.prefix))
      .sort()
  }

  test('every size goes to the bucket; its URL redirects to a signed URL of a square WebP', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const { template, publicId } = await withAvatar(client, member, await fixtures.jpegWithGps())
    for (const key of avatarKeys(publicId)) assert.isTrue(await uploadDisk().exists(key), key)

    for (const size of AVATAR_SIZES) {
      const redirect = await client.get(at(template, size)).redirects(0)
      redirect.assertStatus(302)
      const location = String(redirect.header('location'))
      assert.isTrue(
        location.startsWith(`${server.endpoint}/${BUCKET}/${avatarKey(publicId, size)}?`),
        location
      )
      assert.include(location, 'X-Amz-Signature=')
      const object = await fetch(location)
      assert.equal(object.status, 200)
      assert.equal(object.headers.get('content-type'), 'image/webp')
      const meta = await sharp(Buffer.from(await object.arrayBuffer())).metadata()
      assert.deepInclude(meta, { format: 'webp', width: size, height: size })
      assert.isUndefined(meta.exif)
    }
    // Another size: the app's URL of the nearest stored one first.
    const nearest = await client.get(at(template, 100)).redirects(0)
    nearest.assertStatus(302)
    assert.equal(nearest.header('location'), at(template, 96))

    // Authors carry it as on the fs disk.
    const { category } = await createBoard()
    const post = await createPost(client, member, category)
    assert.equal((await client.get(`/api/v1/post/${post.id}`)).body().avatar_template, template)
  })

  test('a replacement and a DELETE remove the objects; a refused file leaves the bucket as it was', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const first = await withAvatar(client, member)
    const before = await objects()

    const refused = await putAvatar(client, member, fixtures.pdf())
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].code, 'E_UNSUPPORTED_MEDIA')
    const bomb = await putAvatar(client, member, fixtures.pngBomb())
    bomb.assertStatus(422)
    assert.deepEqual(await objects(), before)

    const second = await withAvatar(client, member)
    for (const key of avatarKeys(first.publicId)) assert.isFalse(await uploadDisk().exists(key))
    for (const key of avatarKeys(second.publicId)) assert.isTrue(await uploadDisk().exists(key))
    ;(await client.get(at(first.template, 96)).redirects(0)).assertStatus(404)

    ;(await client.delete('/api/v1/user/avatar').headers(member.auth)).assertStatus(204)
    for (const key of avatarKeys(second.publicId)) assert.isFalse(await uploadDisk().exists(key))
    ;(await client.get(at(second.template, 96)).redirects(0)).assertStatus(404)
    const me = await client.get('/api/v1/user/me').headers(member.auth)
    assert.isNull(me.body().avatar_template)
  })
})
