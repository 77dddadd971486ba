import { existsSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#core/database/sql_now'
import { signedInUser, type Session } from '#tests/helpers/accounts'
import { createBoard } from '#tests/helpers/board'
import { runCommand } from '#tests/helpers/ace'
import { openApiValidator } from '#tests/helpers/openapi'
import { startServer } from '#tests/helpers/server_process'
import { waitFor } from '#tests/helpers/mail'
import { contentExtensions } from '#board/public'
import { failureCount } from '#core/plugins/plugin_failures'
import config from '#uploads/config'
import { PruneUploads } from '#uploads/services/prune_uploads'
import { attachmentFields } from '#uploads/services/attachment_fields'
import { pathOf, upload } from '#uploads/tests/helpers'
import * as fixtures from '#uploads/tests/fixtures'

/*
 * Uploads attached to posts and comments, through HTTP: the board's write
 * takes `attachments`, the uploads plugin records them in its transaction
 * and adds them to the JSON, and hides the files of deleted content.
 */

interface Uploaded {
  id: number
  url: string
  thumbnail_url: string | null
}

async function uploadPng(client: ApiClient, session: Session): Promise<Uploaded> {
  const created = await upload(client, session, await fixtures.png(), { filename: 'a.png' })
  created.assertStatus(201)
  return created.body()
}

async function uploadText(client: ApiClient, session: Session): Promise<Uploaded> {
  const created = await upload(client, session, Buffer.from('notes'), { filename: 'a.txt' })
  created.assertStatus(201)
  return created.body()
}

function writePost(client: ApiClient, session: Session, category: string, body: object) {
  return client
    .post(`/api/v1/board/${category}`)
    .headers(session.auth)
    .json({ title: 'With files', content: 'See the files', ...body })
}

function editPost(client: ApiClient, session: Session, postId: number, body: object) {
  return client
    .put(`/api/v1/post/${postId}`)
    .headers(session.auth)
    .json({ title: 'Edited', content: 'Edited text', ...body })
}

const idsOf = (body: { attachments: { id: number }[] }) => body.attachments.map((a) => a.id)

async function uploadRow(id: number) {
  return db.from('uploads').where('id', id).first()
}

function onDisk(key: string) {
  const root = config.get().fsRoot
  return existsSync(isAbsolute(root) ? join(root, key) : app.makePath(root, key))
}

test.group('Uploads attached to posts', () => {
  test('a post is created with attachments: deduped, in order, in its JSON and its cached detail', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const image = await uploadPng(client, author)
    const file = await uploadText(client, author)

    const created = await writePost(client, author, category, {
      attachments: [image.id, file.id, image.id],
    })
    created.assertStatus(201)
    assert.deepEqual(idsOf(created.body()), [image.id, file.id])
    assert.deepEqual(created.body().attachments[0], {
      id: image.id,
      url: image.url,
      content_type: 'image/png',
      size: created.body().attachments[0].size,
      width: 20,
      height: 20,
      thumbnail_url: image.thumbnail_url,
    })
    assert.isNull(created.body().attachments[1].thumbnail_url)
    assert.isNotNull((await uploadRow(image.id)).attached_at)
    assert.isNotNull((await uploadRow(file.id)).attached_at)

    // The first read fills the cache, the second is answered from it (the fast lane).
    for (let read = 0; read < 2; read++) {
      const shown = await client.get(`/api/v1/post/${created.body().id}`)
      shown.assertStatus(200)
      assert.deepEqual(shown.body().attachments, created.body().attachments)
    }

    const plain = await writePost(client, author, category, {})
    plain.assertStatus(201)
    assert.deepEqual(plain.body().attachments, [])
  })

  test("another member's upload, an unknown id or too many are refused and nothing is written", async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const other = await signedInUser(client)
    const own = await uploadPng(client, author)
    const theirs = await uploadPng(client, other)
    const count = async () =>
      (await db.from('categories').where('name', category).first()).post_count

    const foreign = await writePost(client, author, category, { attachments: [own.id, theirs.id] })
    foreign.assertStatus(403)
    assert.containsSubset(foreign.body().errors[0], { code: 'E_FORBIDDEN', field: 'attachments' })

    const unknown = await writePost(client, author, category, { attachments: [own.id, 999999999] })
    unknown.assertStatus(422)
    assert.containsSubset(unknown.body().errors[0], { field: 'attachments' })

    const many = await writePost(client, author, category, {
      attachments: Array.from({ length: 11 }, (_, index) => own.id + index),
    })
    many.assertStatus(422)
    for (const bad of [[0], ['x'], [1.5], 'x']) {
      ;(await writePost(client, author, category, { attachments: bad })).assertStatus(422)
    }

    // Rolled back: no post, no attachment, the upload still unattached.
    assert.equal(Number(await count()), 0)
    assert.isNull((await uploadRow(own.id)).attached_at)
    assert.isNull(await db.from('upload_attachments').where('upload_id', own.id).first())
  })

  test('an edit without attachments keeps them, [] removes them, each version keeps its own', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const [a, b, c] = [
      await uploadPng(client, author),
      await uploadPng(client, author),
      await uploadText(client, author),
    ]
    const post = (await writePost(client, author, category, { attachments: [a.id, b.id] })).body()

    const kept = await editPost(client, author, post.id, {})
    kept.assertStatus(200)
    assert.equal(kept.body().version, 2)
    assert.deepEqual(idsOf(kept.body()), [a.id, b.id])

    const replaced = await editPost(client, author, post.id, { attachments: [c.id, a.id] })
    assert.deepEqual(idsOf(replaced.body()), [c.id, a.id])

    const removed = await editPost(client, author, post.id, { attachments: [] })
    assert.deepEqual(idsOf(removed.body()), [])
    assert.deepEqual(idsOf((await client.get(`/api/v1/post/${post.id}`)).body()), [])

    const history = await client.get(`/api/v1/post/${post.id}/history`)
    history.assertStatus(200)
    assert.deepEqual(
      history.body().map((v: any) => [v.version, idsOf(v)]),
      [
        [4, []],
        [3, [c.id, a.id]],
        [2, [a.id, b.id]],
        [1, [a.id, b.id]],
      ]
    )

    // Restoring version 3 restores its attachments with its text.
    const restored = await client
      .post(`/api/v1/post/${post.id}/history/3/restore`)
      .headers(author.auth)
    restored.assertStatus(200)
    assert.equal(restored.body().version, 5)
    assert.deepEqual(idsOf(restored.body()), [c.id, a.id])
    assert.deepEqual(idsOf((await client.get(`/api/v1/post/${post.id}`)).body()), [c.id, a.id])
  })

  test("a moderator restoring a version restores the author's attachments; only owners attach", async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const [a, b] = [await uploadPng(client, author), await uploadPng(client, author)]
    const post = (await writePost(client, author, category, { attachments: [a.id, b.id] })).body()
    await editPost(client, author, post.id, { attachments: [] })

    const restored = await client
      .post(`/api/v1/post/${post.id}/history/1/restore`)
      .headers(moderator.auth)
    restored.assertStatus(200)
    assert.deepEqual(idsOf(restored.body()), [a.id, b.id])

    // The author's edit of another's upload: refused, even one the post had before.
    const own = await uploadPng(client, author)
    const modsUpload = await uploadPng(client, moderator)
    ;(
      await editPost(client, author, post.id, { attachments: [own.id, modsUpload.id] })
    ).assertStatus(403)
    const after = await client.get(`/api/v1/post/${post.id}`)
    assert.equal(after.body().version, 3)
    assert.deepEqual(idsOf(after.body()), [a.id, b.id])
  })

  test('deleting an attached upload takes it off the post, cached detail included', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const [a, b] = [await uploadPng(client, author), await uploadPng(client, author)]
    const post = (await writePost(client, author, category, { attachments: [a.id, b.id] })).body()
    assert.deepEqual(idsOf((await client.get(`/api/v1/post/${post.id}`)).body()), [a.id, b.id])

    ;(await client.delete(`/api/v1/uploads/${a.id}`).headers(author.auth)).assertStatus(204)
    assert.deepEqual(idsOf((await client.get(`/api/v1/post/${post.id}`)).body()), [b.id])
    const history = await client.get(`/api/v1/post/${post.id}/history`)
    assert.deepEqual(idsOf(history.body()[0]), [b.id])
  })

  test('without a plugin that stores attachments, a body with attachments is 422', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const image = await uploadPng(client, author)
    // The uploads plugin's registration swapped for one that stores nothing.
    contentExtensions.register('uploads', {
      fields: {},
      load: async (_kind, refs) => refs.map(() => ({})),
    })
    cleanup(() => {
      contentExtensions.register('uploads', attachmentFields)
    })

    const refused = await writePost(client, author, category, { attachments: [image.id] })
    refused.assertStatus(422)
    assert.containsSubset(refused.body().errors[0], { field: 'attachments' })
    const plain = await writePost(client, author, category, {})
    plain.assertStatus(201)
    assert.notProperty(plain.body(), 'attachments')
  })
})

test.group('The content extension point', () => {
  test('a field the board has or another plugin registered is refused', ({ assert }) => {
    const load = async () => []
    assert.throws(
      () => contentExtensions.register('other', { fields: { title: {} }, load }),
      'Content field "title" of plugin "other" is taken by the board'
    )
    assert.throws(
      () => contentExtensions.register('other', { fields: { attachments: {} }, load }),
      'Content field "attachments" of plugin "other" is taken by plugin "uploads"'
    )
  })

  test('a plugin registered after the detail statement was built has its presence column asked', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = (await writePost(client, author, category, {})).body()
    ;(await editPost(client, author, post.id, {})).assertStatus(200)
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(200)
    let loads = 0
    const off = contentExtensions.register('marker', {
      fields: { marker: { type: 'string' } },
      presence: { condition: () => ({ sql: '1 = 0', bindings: [] }), absent: { marker: 'none' } },
      load: async (_kind, refs) => refs.map(() => ({ marker: `loaded ${++loads}` })),
    })
    cleanup(off)
    ;(await editPost(client, author, post.id, {})).assertStatus(200)
    const shown = await client.get(`/api/v1/post/${post.id}`)
    assert.equal(shown.body().marker, 'none')
  })

  test('a plugin whose fields fail to load is left out and the detail is not cached', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const image = await uploadPng(client, author)
    const post = (await writePost(client, author, category, { attachments: [image.id] })).body()
    const off = contentExtensions.register('broken', {
      fields: { broken_field: { type: 'string' } },
      load: async () => {
        throw new Error('the broken plugin failed')
      },
    })
    cleanup(off)
    // The create's answer filled the cache; an edit drops it.
    ;(await editPost(client, author, post.id, {})).assertStatus(200)
    const before = failureCount('post', 'content-field')

    for (let read = 0; read < 2; read++) {
      const shown = await client.get(`/api/v1/post/${post.id}`)
      shown.assertStatus(200)
      assert.notProperty(shown.body(), 'broken_field')
      assert.deepEqual(idsOf(shown.body()), [image.id])
    }
    // Both reads asked again: the incomplete detail was not cached.
    assert.equal(failureCount('post', 'content-field'), before + 2)
  })
})

test.group('Uploads attached to comments', () => {
  test('comments take attachments on create and edit; lists, answers and history show them', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const commenter = await signedInUser(client)
    const post = (await writePost(client, author, category, {})).body()
    const [a, b] = [await uploadPng(client, commenter), await uploadText(client, commenter)]

    const created = await client
      .post(`/api/v1/post/${post.id}/comment`)
      .headers(commenter.auth)
      .json({ content: 'Look', attachments: [a.id] })
    created.assertStatus(201)
    assert.deepEqual(idsOf(created.body()), [a.id])
    const comment = created.body()

    const plain = await client
      .post(`/api/v1/post/${post.id}/comment`)
      .headers(commenter.auth)
      .json({ content: 'Nothing attached' })
    assert.deepEqual(plain.body().attachments, [])

    const edit = (body: object) =>
      client.put(`/api/v1/comment/${comment.id}`).headers(commenter.auth).json(body)
    const kept = await edit({ content: 'Look again' })
    kept.assertStatus(200)
    assert.deepEqual(idsOf(kept.body()), [a.id])
    const changed = await edit({ content: 'Look at both', attachments: [b.id, a.id] })
    assert.deepEqual(idsOf(changed.body()), [b.id, a.id])

    const list = await client.get(`/api/v1/post/${post.id}/comment`)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().comment_list.map((c: any) => [c.id, idsOf(c)]),
      [
        [comment.id, [b.id, a.id]],
        [plain.body().id, []],
      ]
    )

    const removed = await edit({ content: 'Nothing now', attachments: [] })
    assert.deepEqual(idsOf(removed.body()), [])
    const history = await client.get(`/api/v1/comment/${comment.id}/history`)
    assert.deepEqual(
      history.body().map((v: any) => [v.version, idsOf(v)]),
      [
        [4, []],
        [3, [b.id, a.id]],
        [2, [a.id]],
        [1, [a.id]],
      ]
    )
  })

  test("a member's comment list shows attachments; deleting an upload drops it from the cached page", async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = (await writePost(client, author, category, {})).body()
    const [a, b] = [await uploadPng(client, author), await uploadText(client, author)]
    await client
      .post(`/api/v1/post/${post.id}/comment`)
      .headers(author.auth)
      .json({ content: 'Files', attachments: [a.id, b.id] })
    const page = async () => {
      const listed = await client.get(`/api/v1/users/${author.name}/comments`)
      listed.assertStatus(200)
      return listed.body().comment_list.map(idsOf)
    }
    // Twice: the second answer comes from the cache.
    assert.deepEqual(await page(), [[a.id, b.id]])
    assert.deepEqual(await page(), [[a.id, b.id]])
    ;(await client.delete(`/api/v1/uploads/${a.id}`).headers(author.auth)).assertStatus(204)
    assert.deepEqual(await page(), [[b.id]])
  })

  test("a comment with another's upload or an unknown id is refused and nothing is written", async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const commenter = await signedInUser(client)
    const post = (await writePost(client, author, category, {})).body()
    const theirs = await uploadPng(client, author)

    const comment = (body: object) =>
      client.post(`/api/v1/post/${post.id}/comment`).headers(commenter.auth).json(body)
    ;(await comment({ content: 'Mine?', attachments: [theirs.id] })).assertStatus(403)
    ;(await comment({ content: 'Gone?', attachments: [999999999] })).assertStatus(422)
    const shown = await client.get(`/api/v1/post/${post.id}`)
    assert.equal(shown.body().comment, 0)
    assert.equal((await client.get(`/api/v1/post/${post.id}/comment`)).body().total, 0)
    assert.isNull((await uploadRow(theirs.id)).attached_at)

    // An edit refused likewise: the comment keeps its version and attachments.
    const own = await uploadPng(client, commenter)
    const written = (await comment({ content: 'Mine', attachments: [own.id] })).body()
    const refused = await client
      .put(`/api/v1/comment/${written.id}`)
      .headers(commenter.auth)
      .json({ content: 'Theirs too', attachments: [own.id, theirs.id] })
    refused.assertStatus(403)
    const history = await client.get(`/api/v1/comment/${written.id}/history`)
    assert.lengthOf(history.body(), 1)
    assert.deepEqual(idsOf(history.body()[0]), [own.id])
  })
})

test.group('Files of deleted content', () => {
  test('a deleted post hides its and its comments’ files from strangers; restored, they show again', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const commenter = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const stranger = await signedInUser(client)
    const image = await uploadPng(client, author)
    const onComment = await uploadText(client, commenter)
    const post = (await writePost(client, author, category, { attachments: [image.id] })).body()
    await client
      .post(`/api/v1/post/${post.id}/comment`)
      .headers(commenter.auth)
      .json({ content: 'Mine', attachments: [onComment.id] })
    const files = [image.url, image.thumbnail_url!, onComment.url].map(pathOf)
    for (const file of files) {
      const served = await client.get(file)
      served.assertStatus(200)
      assert.equal(served.header('cache-control'), 'public, max-age=31536000, immutable')
    }

    ;(await client.delete(`/api/v1/post/${post.id}`).headers(moderator.auth)).assertStatus(204)
    for (const file of files) {
      ;(await client.get(file)).assertStatus(404)
      ;(await client.get(file).headers(stranger.auth)).assertStatus(404)
      ;(await client.get(file).header('authorization', 'Bearer nonsense')).assertStatus(404)
      // A validator a cache kept is no way around it.
      ;(await client.get(file).header('if-none-match', '"x"')).assertStatus(404)
      ;(await client.get(file).headers(moderator.auth)).assertStatus(200)
    }
    const own = await client.get(pathOf(image.url)).headers(author.auth)
    own.assertStatus(200)
    assert.equal(own.header('cache-control'), 'private, no-store')
    ;(await client.get(pathOf(onComment.url)).headers(commenter.auth)).assertStatus(200)
    // The uploader's record says what it is, as before.
    ;(await client.get(`/api/v1/uploads/${image.id}`).headers(author.auth)).assertStatus(200)

    ;(await client.post(`/api/v1/post/${post.id}/restore`).headers(moderator.auth)).assertStatus(
      200
    )
    for (const file of files) {
      const served = await client.get(file)
      served.assertStatus(200)
      assert.equal(served.header('cache-control'), 'public, max-age=31536000, immutable')
    }
  })

  test('a deleted comment hides its files unless live content has them too', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const commenter = await signedInUser(client)
    const post = (await writePost(client, author, category, {})).body()
    const [only, shared] = [await uploadPng(client, commenter), await uploadPng(client, commenter)]
    const comment = async (attachments: number[]) =>
      (
        await client
          .post(`/api/v1/post/${post.id}/comment`)
          .headers(commenter.auth)
          .json({ content: 'Files', attachments })
      ).body()
    const first = await comment([only.id, shared.id])
    await comment([shared.id])

    ;(await client.delete(`/api/v1/comment/${first.id}`).headers(commenter.auth)).assertStatus(204)
    ;(await client.get(pathOf(only.url))).assertStatus(404)
    ;(await client.get(pathOf(shared.url))).assertStatus(200)
    ;(await client.get(pathOf(only.url)).headers(commenter.auth)).assertStatus(200)

    ;(
      await client.post(`/api/v1/comment/${first.id}/restore`).headers(commenter.auth)
    ).assertStatus(200)
    ;(await client.get(pathOf(only.url))).assertStatus(200)
    assert.isTrue(true)
  })
})

test.group('Pruning attached uploads', () => {
  test('uploads:prune never removes an upload any version has; unattached old ones go', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const [current, former, loose] = [
      await uploadPng(client, author),
      await uploadPng(client, author),
      await uploadPng(client, author),
    ]
    const post = (await writePost(client, author, category, { attachments: [former.id] })).body()
    // Only version 1 has `former` now.
    await editPost(client, author, post.id, { attachments: [current.id] })
    const dayAgo = sqlTime(Date.now() - 25 * 3_600_000)
    const ids = [current.id, former.id, loose.id]
    await db.from('uploads').whereIn('id', ids).update({ created_at: dayAgo })
    const looseRow = await uploadRow(loose.id)

    const run = await runCommand('uploads:prune', [])
    assert.equal(run.exitCode, 0)
    assert.isNull(await uploadRow(loose.id))
    assert.isFalse(onDisk(looseRow.storage_key))
    assert.isNotNull(await uploadRow(current.id))
    assert.isNotNull(await uploadRow(former.id))
    ;(await client.get(pathOf(former.url))).assertStatus(200)
  })

  test('a prune racing writes that attach old uploads never removes an attached one', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const uploads: Uploaded[] = []
    for (let index = 0; index < 8; index++) uploads.push(await uploadText(client, author))
    await db
      .from('uploads')
      .whereIn(
        'id',
        uploads.map((u) => u.id)
      )
      .update({ created_at: sqlTime(Date.now() - 25 * 3_600_000) })

    const prune = new PruneUploads()
    const [writes] = await Promise.all([
      Promise.all(uploads.map((u) => writePost(client, author, category, { attachments: [u.id] }))),
      (async () => {
        for (let round = 0; round < 4; round++) await prune.handle({ limit: 2 })
      })(),
    ])
    for (const [index, write] of writes.entries()) {
      const row = await uploadRow(uploads[index].id)
      // Attached first and kept, or pruned first and refused as unknown: nothing in between.
      if (write.status() === 201) {
        assert.isNotNull(row, `upload ${index} attached but pruned`)
        assert.deepEqual(idsOf(write.body()), [uploads[index].id])
      } else {
        write.assertStatus(422)
        assert.isNull(row)
      }
    }
  })

  test('the prune job of a web process removes old unattached uploads and keeps attached ones', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const [attached, loose] = [await uploadPng(client, author), await uploadPng(client, author)]
    await writePost(client, author, category, { attachments: [attached.id] })
    await db
      .from('uploads')
      .whereIn('id', [attached.id, loose.id])
      .update({ created_at: sqlTime(Date.now() - 25 * 3_600_000) })

    const server = await startServer({
      UPLOAD_PRUNE_WORKER: 'true',
      UPLOAD_PRUNE_INTERVAL_MS: '1000',
      UPLOAD_FS_ROOT: config.get().fsRoot,
    })
    cleanup(() => server.kill())
    await waitFor(async () => !(await uploadRow(loose.id)), 'the prune job', 15_000)
    assert.isNotNull(await uploadRow(attached.id))
    await server.stop()
  }).timeout(40_000)
})

test.group('Attachments in the OpenAPI document', () => {
  test('post, comment and history answers with attachments match the documented schemas', async ({
    client,
    assert,
  }) => {
    const api = await openApiValidator()
    const schemas = api.doc.components.schemas as Record<string, any>
    for (const name of ['PostDetail', 'Comment', 'PostVersion', 'CommentVersion']) {
      assert.property(schemas[name].properties, 'attachments', name)
    }
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const image = await uploadPng(client, author)
    const created = await writePost(client, author, category, { attachments: [image.id] })
    api.check('POST', '/api/v1/board/{category}', 201, created.body())
    const id = created.body().id
    api.check('GET', '/api/v1/post/{id}', 200, (await client.get(`/api/v1/post/${id}`)).body())
    const edited = await editPost(client, author, id, {})
    api.check('PUT', '/api/v1/post/{id}', 200, edited.body())
    const history = await client.get(`/api/v1/post/${id}/history`)
    api.check('GET', '/api/v1/post/{id}/history', 200, history.body())
    const comment = await client
      .post(`/api/v1/post/${id}/comment`)
      .headers(author.auth)
      .json({ content: 'c', attachments: [image.id] })
    api.check('POST', '/api/v1/post/{id}/comment', 201, comment.body())
    const list = await client.get(`/api/v1/post/${id}/comment`)
    api.check('GET', '/api/v1/post/{id}/comment', 200, list.body())
    const commentHistory = await client.get(`/api/v1/comment/${comment.body().id}/history`)
    api.check('GET', '/api/v1/comment/{id}/history', 200, commentHistory.body())
  })
})
