import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import config from '#accounts/config'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { sqlTime } from '#core/database/sql_now'
import { signedInUser, type Session } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { needsPlugins } from '#tests/helpers/plugins'

type Limits = ReturnType<typeof config.get>['writeLimits']
const HIGH = { perUser: 100_000, perIp: 100_000, newUser: 100_000 }

/** The spam limits for this test; the rest stay out of the way. */
function limit(changes: Partial<Limits>) {
  const base = { posts: HIGH, comments: HIGH, votes: HIGH, reports: HIGH }
  config.set({ ...config.get(), writeLimits: { ...base, ...changes } })
}

/** A member whose account is two days old (not "new" for the limits). */
async function oldMember(client: ApiClient) {
  const session = await signedInUser(client)
  await db
    .from('users')
    .where('id', session.id)
    .update({ created_at: sqlTime(Date.now() - 2 * 86_400_000) })
  await AuthUserLookup.forget(session.id)
  return session
}

const post = (client: ApiClient, who: Session, category: string) =>
  client.post(`/api/v1/board/${category}`).headers(who.auth).json({ title: 't', content: 'c' })

async function statuses(requests: (() => Promise<{ status(): number }>)[]) {
  const answers: number[] = []
  for (const request of requests) answers.push((await request()).status())
  return answers
}

test.group('Spam limits on writes', (group) => {
  let saved: ReturnType<typeof config.get>
  group.tap((t) => t.skip(...needsPlugins('board')))
  group.each.setup(async () => {
    saved = config.get()
    await limiter.clear()
    return async () => {
      config.set(saved)
      await limiter.clear()
    }
  })

  test('posts per member: 429 with Retry-After past the limit; other members unaffected', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const member = await oldMember(client)
    const other = await oldMember(client)
    limit({ posts: { perUser: 3, perIp: 100, newUser: 100 } })
    const answers = await statuses(
      Array.from({ length: 3 }, () => () => post(client, member, category))
    )
    assert.deepEqual(answers, [201, 201, 201])
    const limited = await post(client, member, category)
    limited.assertStatus(429)
    assert.equal(limited.body().errors[0].code, 'E_TOO_MANY_REQUESTS')
    assert.isAbove(Number(limited.header('retry-after')), 0)
    ;(await post(client, other, category)).assertStatus(201)
  })

  test('accounts younger than a day get the stricter RATE_LIMIT_NEW_USER_* limit', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const newcomer = await signedInUser(client)
    const regular = await oldMember(client)
    limit({ posts: { perUser: 3, perIp: 100, newUser: 1 } })
    assert.deepEqual(
      await statuses([
        () => post(client, newcomer, category),
        () => post(client, newcomer, category),
      ]),
      [201, 429]
    )
    assert.deepEqual(
      await statuses(Array.from({ length: 3 }, () => () => post(client, regular, category))),
      [201, 201, 201]
    )
  })

  test('per IP: several accounts from one address share a limit', async ({ client, assert }) => {
    const { category } = await createBoard()
    const [a, b, c] = [await oldMember(client), await oldMember(client), await oldMember(client)]
    limit({ posts: { perUser: 100, perIp: 4, newUser: 100 } })
    assert.deepEqual(
      await statuses([
        () => post(client, a, category),
        () => post(client, a, category),
        () => post(client, b, category),
        () => post(client, b, category),
        () => post(client, c, category),
      ]),
      [201, 201, 201, 201, 429]
    )
  })

  test('comments, votes and reports have their own limits', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await oldMember(client)
    const member = await oldMember(client)
    const target = await createPost(client, author, category)
    const posts = [
      target,
      await createPost(client, author, category),
      await createPost(client, author, category),
    ]
    const comment = await createComment(client, author, target.id)
    limit({
      comments: { perUser: 2, perIp: 100, newUser: 100 },
      votes: { perUser: 2, perIp: 100, newUser: 100 },
      reports: { perUser: 1, perIp: 100, newUser: 100 },
    })
    const commentOn = () =>
      client.post(`/api/v1/post/${target.id}/comment`).headers(member.auth).json({ content: 'x' })
    assert.deepEqual(await statuses([commentOn, commentOn, commentOn]), [201, 201, 429])
    assert.deepEqual(
      await statuses([
        () => client.post(`/api/v1/post/${posts[1].id}/vote`).headers(member.auth),
        () => client.post(`/api/v1/comment/${comment.id}/vote`).headers(member.auth),
        () => client.post(`/api/v1/post/${posts[2].id}/vote`).headers(member.auth),
      ]),
      [200, 200, 429]
    )
    if (!needsPlugins('moderation')[0]) {
      const reportOf = (id: number) => () =>
        client.post(`/api/v1/post/${id}/report`).headers(member.auth).json({ reason: 'spam' })
      assert.deepEqual(await statuses([reportOf(posts[1].id), reportOf(posts[2].id)]), [201, 429])
    }
    // Posting is not limited by the others.
    ;(await post(client, member, category)).assertStatus(201)
  })

  test('moderators and admins are exempt', async ({ client, assert }) => {
    const { category } = await createBoard()
    const moderator = await signedInUser(client, { role: 'moderator' })
    const admin = await signedInUser(client, { role: 'admin' })
    limit({ posts: { perUser: 1, perIp: 1, newUser: 1 } })
    const answers = await statuses([
      () => post(client, moderator, category),
      () => post(client, moderator, category),
      () => post(client, admin, category),
      () => post(client, admin, category),
    ])
    assert.deepEqual(answers, [201, 201, 201, 201])
  })
})
