import { randomBytes } from 'node:crypto'
import { test } from '@japa/runner'
import { cacheChangesApplied } from '#tests/helpers/cache_changes'
import type { ApiClient } from '@japa/api-client'
import { statementsOf } from '#tests/helpers/statements'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import sharp from 'sharp'
import { SetUserBlocked } from '#accounts/public'
import { PASSWORD, signedInUser, type Session } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { openApiValidator } from '#tests/helpers/openapi'
import { AVATAR_TEMPLATE, at, putAvatar, withAvatar, withSettings } from '#uploads/tests/helpers'
import { uploadDisk } from '#uploads/services/upload_disk'
import { AVATAR_SIZES, avatarKeys } from '#uploads/domain/avatar_sizes'
import * as fixtures from '#uploads/tests/fixtures'

async function me(client: ApiClient, session: Session) {
  const response = await client.get('/api/v1/user/me').headers(session.auth)
  response.assertStatus(200)
  return response.body()
}

/** Every place an author shows, as the API answers it for `session`'s post and comment. */
async function authorTemplates(client: ApiClient, session: Session, category: string) {
  const post = await createPost(client, session, category, { title: `avatar ${session.name}` })
  await createComment(client, session, post.id)
  const list = await client.get(`/api/v1/board/${category}`)
  const search = await client.get(`/api/v1/board/${category}`).qs({ keyword: session.name })
  const detail = await client.get(`/api/v1/post/${post.id}`)
  const comments = await client.get(`/api/v1/post/${post.id}/comment`)
  const memberPosts = await client.get(`/api/v1/users/${session.name}/posts`)
  const memberComments = await client.get(`/api/v1/users/${session.name}/comments`)
  const profile = await client.get(`/api/v1/users/${session.name}`)
  const mine = (items: { user: string; avatar_template: string | null }[]) =>
    items.filter((item) => item.user === session.name).map((item) => item.avatar_template)
  return {
    list: mine(list.body().post_list),
    search: mine(search.body().post_list),
    detail: detail.body().avatar_template,
    comments: mine(comments.body().comment_list),
    memberPosts: mine(memberPosts.body().post_list),
    memberComments: mine(memberComments.body().comment_list),
    profile: profile.body().avatar_template,
    me: (await me(client, session)).avatar_template,
  }
}

async function avatarRows(userId: number) {
  return db.from('user_avatars').where('user_id', userId)
}

test.group('Avatars (fs disk)', (group) => {
  group.each.setup(() => limiter.clear())

  test('PUT /user/avatar stores square WebP pictures at every size, served with cache headers', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const response = await putAvatar(client, member, await fixtures.png(300, 200))
    response.assertStatus(200)
    const body = response.body()
    assert.match(body.avatar_template, AVATAR_TEMPLATE)
    assert.deepEqual(body.sizes, [...AVATAR_SIZES])
    ;(await openApiValidator()).check('PUT', '/api/v1/user/avatar', 200, body)

    const publicId = AVATAR_TEMPLATE.exec(body.avatar_template)![1]
    const rows = await avatarRows(member.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].public_id, publicId)
    for (const key of avatarKeys(publicId)) assert.isTrue(await uploadDisk().exists(key), key)

    for (const size of AVATAR_SIZES) {
      const file = await client.get(at(body.avatar_template, size))
      file.assertStatus(200)
      assert.equal(file.header('content-type'), 'image/webp')
      assert.equal(file.header('cache-control'), 'public, max-age=31536000, immutable')
      assert.equal(file.header('x-content-type-options'), 'nosniff')
      const meta = await sharp(Buffer.from(file.body() as Buffer)).metadata()
      assert.deepInclude(meta, { format: 'webp', width: size, height: size })
      const etag = String(file.header('etag'))
      const again = await client.get(at(body.avatar_template, size)).header('if-none-match', etag)
      again.assertStatus(304)
    }
    // Not an upload: nothing listed, pruned or counted toward the quota.
    assert.lengthOf(await db.from('uploads').where('user_id', member.id), 0)
  })

  test('a photo loses its EXIF (GPS); an animation keeps its first frame only', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const { template } = await withAvatar(client, member, await fixtures.jpegWithGps())
    const bytes = (await client.get(at(template, 240))).body() as Buffer
    const meta = await sharp(Buffer.from(bytes)).metadata()
    assert.isUndefined(meta.exif)
    assert.deepInclude(meta, { width: 240, height: 240 })

    const animated = await withAvatar(client, member, await fixtures.animatedGif())
    const frame = await sharp(
      Buffer.from((await client.get(at(animated.template, 48))).body())
    ).metadata()
    assert.equal(frame.pages ?? 1, 1)
  })

  test('other sizes redirect to the nearest stored one; malformed and unknown ones are 404', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const { template } = await withAvatar(client, member)
    for (const [asked, nearest] of [
      [45, 48],
      [120, 96],
      [1000, 240],
      [1, 48],
    ]) {
      const redirect = await client.get(at(template, asked)).redirects(0)
      redirect.assertStatus(302)
      assert.equal(redirect.header('location'), at(template, nearest))
    }
    for (const size of ['0', '1001', 'abc', '96.png']) {
      const url = size.includes('.')
        ? at(template, '96').replace('96.webp', size)
        : at(template, size)
      ;(await client.get(url).redirects(0)).assertStatus(404)
    }
    ;(await client.get(`/uploads/avatars/${'0'.repeat(32)}/96.webp`)).assertStatus(404)
    ;(await client.get('/uploads/avatars/..%2F..%2Fetc/96.webp')).assertStatus(404)
  })

  test('a replacement removes the previous picture: its URLs are 404 and its files gone', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const first = await withAvatar(client, member)
    const second = await withAvatar(client, member, await fixtures.jpegWithGps())
    assert.notEqual(first.publicId, second.publicId)
    assert.equal((await me(client, member)).avatar_template, second.template)
    assert.lengthOf(await avatarRows(member.id), 1)
    for (const key of avatarKeys(first.publicId)) assert.isFalse(await uploadDisk().exists(key))
    ;(await client.get(at(first.template, 96))).assertStatus(404)
    ;(await client.get(at(second.template, 96))).assertStatus(200)
  })

  test('non-images, disguised files, bombs and empty requests are refused and change nothing', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const { template, publicId } = await withAvatar(client, member)
    const refusals: [Buffer, { filename: string; contentType?: string }, number, string][] = [
      [
        fixtures.pdf(),
        { filename: 'me.pdf', contentType: 'application/pdf' },
        422,
        'E_UNSUPPORTED_MEDIA',
      ],
      [Buffer.from('just some text\n'), { filename: 'me.txt' }, 422, 'E_UNSUPPORTED_MEDIA'],
      [
        fixtures.pdf(),
        { filename: 'me.png', contentType: 'image/png' },
        422,
        'E_UNSUPPORTED_MEDIA',
      ],
      [
        fixtures.pngBomb(),
        { filename: 'bomb.png', contentType: 'image/png' },
        422,
        'E_IMAGE_TOO_LARGE',
      ],
    ]
    for (const [bytes, options, status, code] of refusals) {
      const response = await putAvatar(client, member, bytes, options)
      response.assertStatus(status)
      assert.equal(response.body().errors[0].code, code, options.filename)
    }
    const empty = await client.put('/api/v1/user/avatar').headers(member.auth).json({ file: 'x' })
    empty.assertStatus(422)
    assert.equal(empty.body().errors[0].code, 'E_UNSUPPORTED_MEDIA')

    assert.equal((await me(client, member)).avatar_template, template)
    const rows = await avatarRows(member.id)
    assert.deepEqual(
      rows.map((row) => row.public_id),
      [publicId]
    )
    ;(await client.get(at(template, 48))).assertStatus(200)
  })

  test('a file past UPLOAD_MAX_MB is 413; signed-out requests 401; the uploads rate limit applies', async ({
    client,
    assert,
  }) => {
    const member = await signedInUser(client)
    const restoreSize = withSettings({ maxBytes: 2048 })
    try {
      const big = await sharp(randomBytes(200 * 200 * 3), {
        raw: { width: 200, height: 200, channels: 3 },
      })
        .png()
        .toBuffer()
      const response = await putAvatar(client, member, big)
      response.assertStatus(413)
      assert.equal(response.body().errors[0].code, 'E_PAYLOAD_TOO_LARGE')
    } finally {
      restoreSize()
    }
    ;(await putAvatar(client, null, await fixtures.png())).assertStatus(401)
    ;(await client.delete('/api/v1/user/avatar')).assertStatus(401)
    assert.isNull((await me(client, member)).avatar_template)

    // A member of its own: the requests above already count on a shared (Redis) limiter.
    const busy = await signedInUser(client)
    const restoreLimit = withSettings({ perUserPerMinute: 2 })
    try {
      await withAvatar(client, busy)
      await withAvatar(client, busy)
      ;(await putAvatar(client, busy, await fixtures.png())).assertStatus(429)
    } finally {
      restoreLimit()
    }
  })

  test('avatar_template shows wherever the author does, follows changes, and goes with DELETE', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const member = await signedInUser(client)
    const none = await authorTemplates(client, member, category)
    assert.deepEqual(Object.values(none).flat(), Array(8).fill(null))

    // The lists above are cached now: setting a picture must reach them.
    const { template, publicId } = await withAvatar(client, member)
    const set = await authorTemplates(client, member, category)
    for (const [place, value] of Object.entries(set)) {
      for (const item of [value].flat()) assert.equal(item, template, place)
    }
    const validator = await openApiValidator()
    const list = await client.get(`/api/v1/board/${category}`)
    validator.check('GET', '/api/v1/board/{category}', 200, list.body())
    validator.check(
      'GET',
      '/api/v1/users/{name}',
      200,
      (await client.get(`/api/v1/users/${member.name}`)).body()
    )

    const removed = await client.delete('/api/v1/user/avatar').headers(member.auth)
    removed.assertStatus(204)
    const after = await authorTemplates(client, member, category)
    assert.deepEqual([...new Set(Object.values(after).flat())], [null])
    assert.lengthOf(await avatarRows(member.id), 0)
    for (const key of avatarKeys(publicId)) assert.isFalse(await uploadDisk().exists(key))
    for (const size of AVATAR_SIZES) (await client.get(at(template, size))).assertStatus(404)
    // Nothing left to remove: still 204.
    ;(await client.delete('/api/v1/user/avatar').headers(member.auth)).assertStatus(204)
  })

  test("a blocked author keeps their picture on their content; a deleted account's is erased", async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const member = await signedInUser(client)
    const { template, publicId } = await withAvatar(client, member)
    const post = await createPost(client, member, category)
    await createComment(client, member, post.id)
    const shown = async () => ({
      list: (await client.get(`/api/v1/board/${category}`)).body().post_list[0].avatar_template,
      detail: (await client.get(`/api/v1/post/${post.id}`)).body().avatar_template,
      comment: (await client.get(`/api/v1/post/${post.id}/comment`)).body().comment_list[0]
        .avatar_template,
    })
    assert.deepEqual(await shown(), { list: template, detail: template, comment: template })

    // As the name: a block hides nothing already written (Discourse shows a suspended member's).
    await new SetUserBlocked().block(member.id, 'test', null)
    assert.deepEqual(await shown(), { list: template, detail: template, comment: template })
    await new SetUserBlocked().unblock(member.id, null)

    const fresh = await signedInUser(client)
    await withAvatar(client, fresh)
    const deleted = await client
      .delete('/api/v1/user')
      .headers(member.auth)
      .json({ current_password: PASSWORD })
    deleted.assertStatus(204)
    assert.deepEqual(await shown(), { list: null, detail: null, comment: null })
    assert.isNull((await db.from('users').where('id', member.id).first()).avatar_template)
    assert.lengthOf(await avatarRows(member.id), 0)
    for (const key of avatarKeys(publicId)) assert.isFalse(await uploadDisk().exists(key))
    ;(await client.get(at(template, 96))).assertStatus(404)
    // Another member's picture is untouched.
    assert.lengthOf(await avatarRows(fresh.id), 1)
  })

  test('the post list and comments make the same queries however many authors have pictures', async ({
    client,
    assert,
  }) => {
    /** A fresh category with a post (and a comment) by each of `count` authors. */
    async function boardBy(count: number, pictures: boolean) {
      const { category } = await createBoard()
      const opener = await signedInUser(client)
      const post = await createPost(client, opener, category)
      for (let n = 0; n < count; n++) {
        const author = await signedInUser(client)
        if (pictures) await withAvatar(client, author, await fixtures.png(16, 16))
        await createPost(client, author, category)
        await createComment(client, author, post.id)
      }
      return { category, postId: post.id }
    }

    const one = await boardBy(1, false)
    const five = await boardBy(5, true)
    // Both lists find the category tree cached: the writes' second drop is over, the tree read.
    await cacheChangesApplied()
    ;(await client.get('/api/v1/board')).assertStatus(200)
    const listOne = await statementsOf(client, `/api/v1/board/${one.category}`)
    const listFive = await statementsOf(client, `/api/v1/board/${five.category}`)
    assert.isAbove(listOne.length, 0)
    assert.equal(listFive.length, listOne.length, listFive.join('\n'))
    const commentsOne = await statementsOf(client, `/api/v1/post/${one.postId}/comment`)
    const commentsFive = await statementsOf(client, `/api/v1/post/${five.postId}/comment`)
    assert.equal(commentsFive.length, commentsOne.length, commentsFive.join('\n'))
    const answer = await client.get(`/api/v1/board/${five.category}`)
    assert.lengthOf(
      answer
        .body()
        .post_list.filter((post: { avatar_template: string | null }) => post.avatar_template),
      5
    )
  })

  test('OpenAPI documents the multipart body and avatar_template on posts, comments and profiles', async ({
    assert,
  }) => {
    const { doc } = await openApiValidator()
    const put = (doc.paths as any)['/api/v1/user/avatar'].put
    const body = put.requestBody.content['multipart/form-data']
    assert.deepEqual(body.schema.required, ['file'])
    assert.equal(body.schema.properties.file.format, 'binary')
    assert.property((doc.paths as any)['/api/v1/user/avatar'], 'delete')
    assert.property(doc.paths as any, '/uploads/avatars/{avatar}/{file}')
    const components = doc.components.schemas as any
    for (const shape of ['Post', 'PostDetail', 'Comment', 'Profile', 'User']) {
      assert.property(components[shape].properties, 'avatar_template', shape)
    }
  })
})
