import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import { SignJWT } from 'jose'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { JwtService } from '#accounts/services/jwt_service'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { baseUrl } from '#tests/helpers/base_url'

/**
 * Thousands of malformed requests to every registered route: wrong types,
 * huge strings, invalid UTF-8, deep nesting, unknown fields, bad ids and
 * cursors, bad tokens. None may answer 5xx or show a stack trace or SQL,
 * and none may write anything.
 */
const TABLES = [
  'users',
  'posts',
  'post_versions',
  'post_votes',
  'comments',
  'comment_versions',
  'comment_votes',
  'categories',
  'refresh_tokens',
  'login_history',
  'user_states',
  'api_tokens',
  'email_tokens',
  'mail_outbox',
]

/** Routes that rightly act on a valid token with no body at all: fuzzed without one. */
const BODILESS_ACTIONS = new Set(['POST /api/v1/user/email/verification'])

/** Content types a client may send by mistake (the body stays the same bytes). */
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/json; charset=latin1',
  'application/xml',
]

async function snapshot() {
  const counts: Record<string, number> = {}
  for (const table of TABLES) {
    const row = await db.from(table).count('* as total').first()
    counts[table] = Number(row.total)
  }
  const deleted = await db.from('posts').whereNotNull('deleted_at').count('* as total').first()
  counts['posts.deleted'] = Number(deleted.total)
  return counts
}

const deepArray = '['.repeat(5000) + ']'.repeat(5000)
const BODIES: (string | Buffer)[] = [
  '{"title": ',
  '"just a string"',
  'null',
  '[]',
  '12345',
  deepArray,
  `{"a":${deepArray}}`,
  Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xfd, 0x22, 0x7d]),
  JSON.stringify({
    title: 1,
    content: [],
    name: {},
    email: true,
    password: null,
    username: 5,
    refresh_token: [],
  }),
  JSON.stringify({
    title: 'x'.repeat(70_000),
    content: 'y'.repeat(70_000),
    name: 'z'.repeat(70_000),
  }),
  JSON.stringify({
    unknown: 'field',
    __proto__: { admin: true },
    constructor: { prototype: { x: 1 } },
  }),
  JSON.stringify({
    title: "'; drop table posts; --",
    content: '%_%_%',
    current_password: { $ne: null },
  }),
  JSON.stringify({ keyword: '\u0000\u202e', cursor: '!!!!', size: -1, page: 'NaN' }),
]

const BAD_IDS = [
  '0',
  '-1',
  '999999999',
  '99999999999999999999999',
  'abc',
  '1e309',
  '%00',
  '1%3Bselect',
  'x'.repeat(300),
]
const BAD_NAMES = ['%25', '..', '<script>', 'a'.repeat(300), '%F0%9F%92%A9', 'category']
const BAD_QUERY = [
  '',
  '?size=-1',
  '?size=1000000',
  '?page=abc',
  '?cursor=!!!',
  '?cursor=eyJpZCI6ImEifQ',
  '?keyword=%25%5F',
  `?keyword=${'k'.repeat(5000)}`,
  '?size[]=1&page[a]=2',
]

function fill(pattern: string, param: (name: string) => string) {
  return pattern.replace(/:(\w+)/g, (_, name) => param(name))
}

test.group('Fuzz: malformed requests to every route', (group) => {
  group.each.setup(() => limiter.clear())

  test('no 5xx, no stack trace or SQL, nothing written', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category)
    await createComment(client, author, post.id)

    const claims = JSON.parse(Buffer.from(author.access.split('.')[1], 'base64url').toString())
    const expired = await new SignJWT({ ...claims, exp: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(JwtService.secret())
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('wrong'))
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${author.access.split('.')[1]}.`
    const badTokens = [
      undefined,
      'Bearer',
      'Bearer x.y.z',
      `Bearer ${expired}`,
      `Bearer ${forged}`,
      `Bearer ${none}`,
      'Basic YTpi',
    ]

    const routes = Object.values(router.toJSON())
      .flat()
      .flatMap((route) =>
        route.methods
          .filter((m) => m !== 'HEAD')
          .map((method) => ({ method, pattern: route.pattern }))
      )
      .filter((route) => !route.pattern.startsWith('/__'))
    assert.isAbove(routes.length, 20)

    const before = await snapshot()
    let sent = 0
    const failures: string[] = []
    const send = async (
      method: string,
      url: string,
      body?: string | Buffer,
      authorization?: string,
      extraHeaders: Record<string, string> = {}
    ) => {
      sent++
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'accept': 'application/json',
        ...extraHeaders,
      }
      if (authorization) headers.authorization = authorization
      const response = await fetch(`${baseUrl()}${url}`, {
        method,
        headers,
        body: method === 'GET' ? undefined : body,
        redirect: 'manual',
      })
      const text = await response.text()
      const label = `${method} ${url.slice(0, 80)}`
      if (response.status >= 500) failures.push(`${response.status} ${label}`)
      // Error answers are where a stack or SQL would leak (documents like /metrics and
      // /docs/openapi.json legitimately mention words such as "select").
      const leaks = /\bat .+\.(ts|js):\d+|node_modules|SqliteError|ER_[A-Z_]+|\bselect \* from\b/i
      if (response.status >= 400 && leaks.test(text))
        failures.push(`leak ${label}: ${text.slice(0, 120)}`)
    }

    for (const route of routes) {
      const isWrite = route.method !== 'GET'
      // Anonymous or badly authenticated: every body, every bad parameter.
      for (const [i, badId] of BAD_IDS.entries()) {
        const url = fill(route.pattern, (name) =>
          /(id|version)$/.test(name) ? badId : BAD_NAMES[i % BAD_NAMES.length]
        )
        for (const query of isWrite ? [''] : BAD_QUERY) {
          await send(
            route.method,
            url + query,
            BODIES[i % BODIES.length],
            badTokens[i % badTokens.length]
          )
        }
      }
      if (isWrite) {
        const url = fill(route.pattern, (name) =>
          /(id|version)$/.test(name) ? String(post.id) : category
        )
        for (const [i, body] of BODIES.entries())
          await send(route.method, url, body, badTokens[i % badTokens.length])
        // A valid token reaches the validators: with ids that do not exist, or bodies that cannot validate.
        if (!BODILESS_ACTIONS.has(`${route.method} ${route.pattern}`)) {
          for (const body of BODIES) {
            const missing = fill(route.pattern, (name) =>
              /(id|version)$/.test(name) ? '999999999' : 'no-such-category'
            )
            await send(route.method, missing, body, `Bearer ${author.access}`)
            for (const [i, badId] of BAD_IDS.entries()) {
              const bad = fill(route.pattern, (name) =>
                /(id|version)$/.test(name) ? badId : BAD_NAMES[i % BAD_NAMES.length]
              )
              await send(route.method, bad, body, `Bearer ${author.access}`)
            }
          }
          // Wrong content types and broken compressed bodies, signed in (on ids that do not
          // exist: a vote needs no body) and not.
          const missing = fill(route.pattern, (name) =>
            /(id|version)$/.test(name) ? '999999999' : 'no-such-category'
          )
          for (const [i, type] of CONTENT_TYPES.entries()) {
            for (const body of BODIES.slice(0, 4)) {
              await send(route.method, url, body, badTokens[i % badTokens.length], {
                'content-type': type,
              })
              await send(route.method, missing, body, `Bearer ${author.access}`, {
                'content-type': type,
                'content-encoding': ['gzip', 'deflate', 'br', 'identity', 'x-unknown'][i],
              })
            }
          }
        }
      } else {
        // Reads, signed in: every bad parameter with every bad query string.
        for (const [i, badId] of BAD_IDS.entries()) {
          const url = fill(route.pattern, (name) =>
            /(id|version)$/.test(name) ? badId : BAD_NAMES[i % BAD_NAMES.length]
          )
          for (const query of BAD_QUERY)
            await send('GET', url + query, undefined, `Bearer ${author.access}`)
        }
      }
    }

    const after = await snapshot()
    console.log(
      `  fuzz: requests sent ${sent}, routes ${routes.length}, 5xx seen ${failures.filter((f) => /^5/.test(f)).length}`
    )
    assert.deepEqual(failures.slice(0, 20), [])
    assert.deepEqual(
      after,
      before,
      `nothing was written: ${JSON.stringify(after)} vs ${JSON.stringify(before)}`
    )
    assert.isAtLeast(sent, 10_000)
  })
    .skip(...needsPlugins('board'))
    .timeout(300_000)
})
