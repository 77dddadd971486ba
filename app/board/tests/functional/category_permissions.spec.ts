import { test } from '@japa/runner'
import { spawnSync } from 'node:child_process'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { ManageCategories } from '#board/actions/manage_categories'
import { SetUserBlocked } from '#accounts/public'
import { signedInUser, uniqueName, type Session } from '#tests/helpers/accounts'
import { createComment, createPost } from '#tests/helpers/board'
import { cacheChangesApplied } from '#tests/helpers/cache_changes'
import { scrape, valueOf } from '#tests/helpers/metrics'
import { resolveAccess } from '#board/domain/category_access'

const categories = new ManageCategories()

/** A board with two children, named uniquely; settings applied as given. */
async function tree() {
  const board = (await categories.create(uniqueName('b'))).name
  const open = (await categories.create(uniqueName('o'), board)).name
  const closed = (await categories.create(uniqueName('s'), board)).name
  return { board, open, closed }
}

interface Callers {
  member: Session
  moderator: Session
}

async function callers(client: ApiClient): Promise<Callers> {
  return {
    member: await signedInUser(client),
    moderator: await signedInUser(client, { role: 'moderator' }),
  }
}

/** GET as anonymous (no session) or as a session. */
function get(client: ApiClient, url: string, session?: Session) {
  const request = client.get(url)
  return session ? request.headers(session.auth) : request
}

async function fastLaneCount(client: ApiClient) {
  return valueOf(await scrape(client), 'boardcms_http_fast_lane_responses_total', {
    route: '/api/v1/post/:id',
  })
}

test.group('Category permissions: rules', () => {
  test('settings inherit down the tree; a child is never more open than its parent', ({
    assert,
  }) => {
    const none = { read: null, post: null, comment: null }
    const root = resolveAccess(none, null)
    assert.deepEqual(root, { read: 'everyone', post: 'members', comment: 'members' })
    const staff = resolveAccess({ read: 'members', post: 'moderators', comment: null }, root)
    assert.deepEqual(staff, { read: 'members', post: 'moderators', comment: 'members' })
    // Inherited, and a looser read clamped to the parent's; post never looser than read.
    assert.deepEqual(resolveAccess(none, staff), staff)
    assert.deepEqual(resolveAccess({ read: 'everyone', post: 'members', comment: null }, staff), {
      read: 'members',
      post: 'members',
      comment: 'members',
    })
    assert.deepEqual(resolveAccess({ read: 'moderators', post: 'everyone', comment: null }, root), {
      read: 'moderators',
      post: 'moderators',
      comment: 'moderators',
    })
  })
})

test.group('Category permissions: the tree and lists', () => {
  test('GET /board and /board/category leave out what the caller may not read, with permissions', async ({
    client,
    assert,
  }) => {
    const { member, moderator } = await callers(client)
    const { board, open, closed } = await tree()
    await categories.setPermissions(board, { read: 'members' })
    await categories.setPermissions(closed, { read: 'moderators' })

    const boardsOf = async (session?: Session) =>
      ((await get(client, '/api/v1/board', session)).body() as { name: string }[]).map(
        (b) => b.name
      )
    assert.notInclude(await boardsOf(), board)
    assert.include(await boardsOf(member), board)

    const anonymous = await get(client, `/api/v1/board/category?board=${board}`)
    anonymous.assertStatus(404)
    const asMember = await get(client, `/api/v1/board/category?board=${board}`, member)
    asMember.assertStatus(200)
    assert.deepEqual(asMember.body(), [
      {
        id: (await db.from('categories').where('name', open).first()).id,
        name: open,
        permissions: { read: true, post: true, comment: true },
      },
    ])
    const asModerator = await get(client, `/api/v1/board/category?board=${board}`, moderator)
    assert.deepEqual(
      asModerator.body().map((c: { name: string }) => c.name),
      [open, closed]
    )
    ;(await get(client, `/api/v1/board/parent?category=${closed}`, member)).assertStatus(404)
    const parent = await get(client, `/api/v1/board/parent?category=${open}`, member)
    parent.assertBodyContains({ name: board, permissions: { read: true } })

    // Anonymous never writes: "everyone" posts means every member.
    await categories.setPermissions(board, { read: 'everyone', post: 'everyone' })
    const boards = (await get(client, '/api/v1/board')).body() as {
      name: string
      permissions: object
    }[]
    assert.deepEqual(boards.find((b) => b.name === board)!.permissions, {
      read: true,
      post: false,
      comment: false,
    })
  })

  test('a board list leaves out subcategories the caller may not read, totals exact; search too', async ({
    client,
    assert,
  }) => {
    const { member, moderator } = await callers(client)
    const { board, open, closed } = await tree()
    const tagged = async (session: Session, category: string, title: string) => {
      const response = await client
        .post(`/api/v1/board/${category}`)
        .headers(session.auth)
        .json({ title, content: 'c', tags: ['zz'] })
      response.assertStatus(201)
      return response.body() as { id: number }
    }
    const visible = await tagged(member, open, 'zebra open')
    const hidden = await tagged(moderator, closed, 'zebra closed')
    const ids = async (url: string, session?: Session) => {
      const response = await get(client, url, session)
      response.assertStatus(200)
      const body = response.body() as { total: number; post_list: { id: number }[] }
      return { total: body.total, ids: body.post_list.map((p) => p.id) }
    }
    // Everyone reads both first (and fills the shared cache entry).
    assert.deepEqual(await ids(`/api/v1/board/${board}`), {
      total: 2,
      ids: [hidden.id, visible.id],
    })

    await categories.setPermissions(closed, { read: 'moderators' })
    for (const session of [undefined, member]) {
      assert.deepEqual(await ids(`/api/v1/board/${board}`, session), {
        total: 1,
        ids: [visible.id],
      })
      assert.deepEqual(await ids(`/api/v1/board/${board}?keyword=zebra`, session), {
        total: 1,
        ids: [visible.id],
      })
      assert.deepEqual(await ids(`/api/v1/board/${board}?sort=top&period=day`, session), {
        total: 1,
        ids: [visible.id],
      })
      assert.deepEqual(await ids(`/api/v1/board/${board}?tag=zz`, session), {
        total: 1,
        ids: [visible.id],
      })
      ;(await get(client, `/api/v1/board/${closed}`, session)).assertStatus(404)
    }
    assert.deepEqual(await ids(`/api/v1/board/${board}`, moderator), {
      total: 2,
      ids: [hidden.id, visible.id],
    })
    assert.deepEqual(await ids(`/api/v1/board/${board}?keyword=zebra`, moderator), {
      total: 2,
      ids: [hidden.id, visible.id],
    })
    assert.deepEqual(await ids(`/api/v1/board/${board}?tag=zz`, moderator), {
      total: 2,
      ids: [hidden.id, visible.id],
    })
    assert.deepEqual(await ids(`/api/v1/board/${closed}`, moderator), {
      total: 1,
      ids: [hidden.id],
    })

    // Opened again: visible at once, to everyone.
    await categories.setPermissions(closed, { read: 'inherit' })
    assert.deepEqual(await ids(`/api/v1/board/${board}`), {
      total: 2,
      ids: [hidden.id, visible.id],
    })
  })

  test('GET /tags counts only posts the caller may read', async ({ client, assert }) => {
    const { member, moderator } = await callers(client)
    const { open, closed } = await tree()
    const shared = uniqueName('t')
    const staffOnly = `${shared}x`
    const tagged = async (category: string, tags: string[]) => {
      const response = await client
        .post(`/api/v1/board/${category}`)
        .headers(moderator.auth)
        .json({ title: 't', content: 'c', tags })
      response.assertStatus(201)
    }
    await tagged(open, [shared])
    await tagged(closed, [shared, staffOnly])
    await tagged(closed, [shared])
    await categories.setPermissions(closed, { read: 'moderators' })

    const counts = async (session?: Session) => {
      const response = await get(client, `/api/v1/tags?prefix=${shared}`, session)
      response.assertStatus(200)
      return response.body() as { name: string; count: number }[]
    }
    assert.deepEqual(await counts(), [{ name: shared, count: 1 }])
    assert.deepEqual(await counts(member), [{ name: shared, count: 1 }])
    assert.deepEqual(await counts(moderator), [
      { name: shared, count: 3 },
      { name: staffOnly, count: 1 },
    ])
  })

  test("a member's posts and comments leave out categories the caller may not read", async ({
    client,
    assert,
  }) => {
    const { member, moderator } = await callers(client)
    const { open, closed } = await tree()
    const author = await signedInUser(client)
    const visible = await createPost(client, author, open)
    const hidden = await createPost(client, author, closed)
    await createComment(client, author, visible.id, 'open comment')
    await createComment(client, author, hidden.id, 'closed comment')
    await categories.setPermissions(closed, { read: 'members' })

    const list = async (kind: 'posts' | 'comments', session?: Session) => {
      const response = await get(client, `/api/v1/users/${author.name}/${kind}`, session)
      response.assertStatus(200)
      const body = response.body()
      const items = (body.post_list ?? body.comment_list) as { id: number; post_id?: number }[]
      return { total: body.total as number, ids: items.map((i) => i.post_id ?? i.id) }
    }
    assert.deepEqual(await list('posts'), { total: 1, ids: [visible.id] })
    assert.deepEqual(await list('comments'), { total: 1, ids: [visible.id] })
    assert.deepEqual(await list('posts', member), { total: 2, ids: [hidden.id, visible.id] })
    assert.deepEqual(await list('comments', moderator), {
      total: 2,
      ids: [hidden.id, visible.id],
    })
  })
})

test.group('Category permissions: posts, comments, votes', () => {
  test('a post the caller may not read is 404 everywhere: detail, history, CSV, comments, votes', async ({
    client,
    assert,
  }) => {
    const { member, moderator } = await callers(client)
    const { closed } = await tree()
    const post = await createPost(client, moderator, closed)
    const comment = await createComment(client, moderator, post.id)
    await categories.setPermissions(closed, { read: 'moderators' })

    const reads = [
      `/api/v1/post/${post.id}`,
      `/api/v1/post/${post.id}/history`,
      `/api/v1/post/${post.id}/download`,
      `/api/v1/post/${post.id}/comment`,
      `/api/v1/comment/${comment.id}/history`,
    ]
    for (const url of reads) {
      for (const session of [undefined, member]) {
        const response = await get(client, url, session)
        response.assertStatus(404)
        response.assertBodyContains({ errors: [{ code: 'E_NOT_FOUND' }] })
      }
      ;(await get(client, url, moderator)).assertStatus(200)
    }
    const writes = [
      `/api/v1/post/${post.id}/vote`,
      `/api/v1/comment/${comment.id}/vote`,
      `/api/v1/post/${post.id}/comment`,
    ]
    for (const url of writes) {
      const response = await client.post(url).headers(member.auth).json({ content: 'x' })
      response.assertStatus(404)
    }
    const created = await client
      .post(`/api/v1/board/${closed}`)
      .headers(member.auth)
      .json({ title: 't', content: 'c' })
    created.assertStatus(404)
    const counted = await db.from('posts').where('id', post.id).first()
    assert.equal(Number(counted.vote_count), 0)
    assert.equal(Number(counted.comment_count), 1)
  })

  test('an author who lost the right to read a category cannot edit, delete or restore there: 404', async ({
    client,
    assert,
  }) => {
    const { member } = await callers(client)
    const { closed } = await tree()
    const post = await createPost(client, member, closed)
    const comment = await createComment(client, member, post.id)
    const gone = await createComment(client, member, post.id)
    ;(await client.delete(`/api/v1/comment/${gone.id}`).headers(member.auth)).assertStatus(204)
    await categories.setPermissions(closed, { read: 'moderators' })

    const attempts = [
      client.put(`/api/v1/post/${post.id}`).json({ title: 'Edited', content: 'Edited' }),
      client.put(`/api/v1/comment/${comment.id}`).json({ content: 'Edited' }),
      client.delete(`/api/v1/comment/${comment.id}`),
      client.post(`/api/v1/comment/${gone.id}/restore`),
      client.delete(`/api/v1/post/${post.id}`),
    ]
    for (const attempt of attempts) {
      const response = await attempt.headers(member.auth)
      response.assertStatus(404)
      response.assertBodyContains({ errors: [{ code: 'E_NOT_FOUND' }] })
    }
    const row = await db.from('posts').where('id', post.id).first()
    assert.equal(Number(row.current_version), 1)
    assert.isNull(row.deleted_at)
    assert.isNull((await db.from('comments').where('id', comment.id).first()).deleted_at)
    assert.isNotNull((await db.from('comments').where('id', gone.id).first()).deleted_at)
    // Open again: all theirs again.
    await categories.setPermissions(closed, { read: 'inherit' })
    ;(await client.delete(`/api/v1/post/${post.id}`).headers(member.auth)).assertStatus(204)
    await categories.setPermissions(closed, { read: 'moderators' })
    ;(await client.post(`/api/v1/post/${post.id}/restore`).headers(member.auth)).assertStatus(404)
  })

  test('posting and commenting where the caller may not: 403 with a code', async ({
    client,
    assert,
  }) => {
    const { member, moderator } = await callers(client)
    const { open } = await tree()
    const post = await createPost(client, member, open)
    await categories.setPermissions(open, { post: 'moderators', comment: 'moderators' })

    const created = await client
      .post(`/api/v1/board/${open}`)
      .headers(member.auth)
      .json({ title: 't', content: 'c' })
    created.assertStatus(403)
    created.assertBodyContains({ errors: [{ code: 'E_CATEGORY_POST_FORBIDDEN' }] })
    const commented = await client
      .post(`/api/v1/post/${post.id}/comment`)
      .headers(member.auth)
      .json({ content: 'c' })
    commented.assertStatus(403)
    commented.assertBodyContains({ errors: [{ code: 'E_CATEGORY_COMMENT_FORBIDDEN' }] })
    // Reading and voting stay open to members.
    ;(await get(client, `/api/v1/post/${post.id}`, member)).assertStatus(200)
    ;(await client.post(`/api/v1/post/${post.id}/vote`).headers(member.auth)).assertStatus(200)
    await createPost(client, moderator, open)
    await createComment(client, moderator, post.id)

    // A blocked member counts as anonymous for reads.
    await categories.setPermissions(open, { read: 'members' })
    await new SetUserBlocked().block(member.id, null, null)
    // With their bearer too: the guard's 403 E_USER_BLOCKED becomes an anonymous read.
    ;(await get(client, `/api/v1/board/${open}`, member)).assertStatus(404)
    ;(await get(client, '/api/v1/board', member)).assertStatus(200)
    assert.equal((await get(client, `/api/v1/board/${open}`, moderator)).status(), 200)
  })

  test('a bad bearer on a public read is 401, not a quieter anonymous answer', async ({
    client,
  }) => {
    const response = await client.get('/api/v1/board').header('authorization', 'Bearer nope')
    response.assertStatus(401)
  })
})

test.group('Category permissions: caches and the fast lane', () => {
  test('a members-only post read by a member is never served to anonymous, by the fast lane or the cache', async ({
    client,
    assert,
  }) => {
    const { member } = await callers(client)
    const { open } = await tree()
    await categories.setPermissions(open, { read: 'members' })
    const post = await createPost(client, member, open)
    await cacheChangesApplied()
    const url = `/api/v1/post/${post.id}`
    ;(await get(client, url, member)).assertStatus(200)
    ;(await get(client, url, member)).assertStatus(200)

    const before = await fastLaneCount(client)
    const anonymous = await get(client, url)
    anonymous.assertStatus(404)
    assert.equal(await fastLaneCount(client), before)
  })

  test('a members-only post no one read yet: anonymous gets 404 from the framework, never the fast lane', async ({
    client,
    assert,
  }) => {
    const { member } = await callers(client)
    const { open } = await tree()
    await categories.setPermissions(open, { read: 'members' })
    const post = await createPost(client, member, open)
    await cacheChangesApplied()
    const url = `/api/v1/post/${post.id}`
    const before = await fastLaneCount(client)
    ;(await get(client, url)).assertStatus(404)
    ;(await get(client, url)).assertStatus(404)
    assert.equal(await fastLaneCount(client), before)
    ;(await get(client, url, member)).assertStatus(200)
  })

  test('closing a category drops what the fast lane and the lists had cached, at once', async ({
    client,
    assert,
  }) => {
    const { member } = await callers(client)
    const { board, open } = await tree()
    const post = await createPost(client, member, open)
    await cacheChangesApplied()
    const url = `/api/v1/post/${post.id}`
    ;(await get(client, url)).assertStatus(200)
    const before = await fastLaneCount(client)
    ;(await get(client, url)).assertStatus(200)
    assert.equal(await fastLaneCount(client), before + 1)
    ;(await get(client, `/api/v1/board/${board}`)).assertBodyContains({ total: 1 })

    await categories.setPermissions(board, { read: 'members' })
    ;(await get(client, url)).assertStatus(404)
    ;(await get(client, `/api/v1/board/${board}`)).assertStatus(404)
    ;(await get(client, url, member)).assertStatus(200)
    ;(await get(client, `/api/v1/board/${open}`, member)).assertBodyContains({ total: 1 })
  })
})

test.group('Category permissions: Ace and audit', () => {
  test('node ace category:permissions sets and shows settings, refuses a bad level; audited', async ({
    client,
    assert,
  }) => {
    const { board, open } = await tree()
    const ace = (args: string[]) =>
      spawnSync(process.execPath, ['ace', 'category:permissions', ...args], {
        cwd: app.makePath(),
        env: process.env,
        encoding: 'utf8',
        input: '',
        timeout: 60_000,
      })
    const set = ace([board, '--read=members', '--post=moderators', '--comment=inherit'])
    assert.equal(set.status, 0, set.stderr + set.stdout)
    assert.include(set.stdout, 'read: members (members)')
    assert.include(set.stdout, 'post: moderators (moderators)')
    assert.include(set.stdout, 'comment: members (inherit)')

    const shown = ace([open])
    assert.equal(shown.status, 0, shown.stderr + shown.stdout)
    assert.include(shown.stdout, 'read: members (inherit)')

    const before = await db.from('audit_entries').count('* as total').first()
    const shownAgain = ace([open])
    assert.equal(shownAgain.status, 0)
    const after = await db.from('audit_entries').count('* as total').first()
    // Showing writes nothing, audits nothing.
    assert.equal(Number(after.total), Number(before.total))

    const bad = ace([open, '--read=nobody'])
    assert.notEqual(bad.status, 0)
    assert.include(bad.stderr + bad.stdout, 'read is one of everyone, members, moderators')

    // Another process changed it: this one hears it through the cache change feed.
    await cacheChangesApplied()
    ;(await get(client, `/api/v1/board/${open}`)).assertStatus(404)
    const row = await db.from('categories').where('name', board).first()
    assert.equal(row.read_access, 'members')
    assert.isNull(row.comment_access)
    const audit = await db
      .from('audit_entries')
      .where('action', 'category.permissions')
      .where('resource_id', row.id)
      .first()
    assert.exists(audit)
  })
})
