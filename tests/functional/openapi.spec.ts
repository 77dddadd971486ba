import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import limiter from '@adonisjs/limiter/services/main'
import { openApiValidator, requestProbes } from '#tests/helpers/openapi'
import { PASSWORD, signedInUser, uniqueName } from '#tests/helpers/accounts'
import { createBoard } from '#tests/helpers/board'
import { pluginListed } from '#tests/helpers/plugins'
import { needsPlugins } from '#tests/helpers/plugins'

/** ":id" in router patterns is "{id}" in OpenAPI. */
const openApiPath = (pattern: string) => pattern.replace(/:(\w+)\??/g, '{$1}')

test.group('OpenAPI document', (group) => {
  group.each.setup(() => limiter.clear())

  test('every registered route is documented, and nothing else', async ({ assert }) => {
    const { doc } = await openApiValidator()
    const routes = Object.values(router.toJSON())
      .flat()
      .flatMap((route) =>
        route.methods
          .filter((method) => method !== 'HEAD')
          .map((method) => `${method} ${openApiPath(route.pattern)}`)
      )
      // Routes that test files register for themselves (e.g. /__metrics_probe/:id) are not the app's.
      .filter((route) => !route.includes('/__'))
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)
    )
    assert.isAbove(routes.length, 10)
    assert.deepEqual(
      routes.filter((route) => !documented.includes(route)),
      [],
      'routes missing from the OpenAPI document'
    )
    assert.deepEqual(
      documented.filter((operation) => !routes.includes(operation)),
      [],
      'documented operations without a route'
    )
  })

  test('every path parameter is declared; every schema compiles', async ({ assert }) => {
    const { doc, check } = await openApiValidator()
    for (const [path, item] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      for (const [method, operation] of Object.entries(item) as [string, any][]) {
        const declared = (operation.parameters ?? [])
          .filter((p: any) => p.in === 'path')
          .map((p: any) => p.name)
        assert.deepEqual(declared.sort(), [...names].sort(), `${method} ${path}`)
        assert.isString(operation.summary)
      }
    }
    // A schema that does not compile throws here, whatever the body.
    assert.throws(() => check('GET', '/api/v1/board', 200, [{ id: 'x', name: 1 }]))
    assert.throws(() => check('GET', '/api/v1/nowhere', 200, {}), /not documented/)
  }).skip(...needsPlugins('board'))

  test('the document and the readable page are served, with local assets only', async ({
    client,
    assert,
  }) => {
    const json = await client.get('/docs/openapi.json')
    json.assertStatus(200)
    assert.equal(json.body().openapi, '3.1.0')
    assert.match(json.body().info.version, /^\d+\.\d+\.\d+/)
    assert.notEqual(json.body().info.version, '0.0.0')
    const page = await client.get('/docs')
    page.assertStatus(200)
    assert.include(page.header('content-type'), 'text/html')
    assert.include(page.text(), '/docs/assets/swagger-ui-bundle.js')
    assert.notMatch(page.text(), /https?:\/\//)
    const bundle = await client.get('/docs/assets/swagger-ui-bundle.js')
    bundle.assertStatus(200)
    assert.include(bundle.header('content-type'), 'javascript')
    ;(await client.get('/docs/assets/docs-init.js')).assertStatus(200)
    ;(await client.get('/docs/assets/package.json')).assertStatus(404)
    ;(await client.get('/docs/assets/..%2F..%2Fpackage.json')).assertStatus(404)
  })

  test('documented request schemas are what the validators enforce', async ({ client, assert }) => {
    const { doc } = await openApiValidator()
    const probes = requestProbes(doc, PASSWORD)
    // A floor that holds with any optional plugin switched off.
    assert.isAbove(probes.length, 20)
    const wrong: string[] = []
    let session: Awaited<ReturnType<typeof signedInUser>> | undefined
    for (const probe of probes) {
      if (probe.auth) session ??= await signedInUser(client)
      await limiter.clear()
      let request = client.request(probe.url, probe.method).qs(probe.query ?? {})
      if (probe.auth) request = request.headers(session!.auth)
      if (probe.body) request = request.json(probe.body)
      const response = await request
      const status = response.status()
      const fields = (response.body().errors ?? []).map((error: { field?: string }) => error.field)
      const ok = probe.field ? status === 422 && fields.includes(probe.field) : status !== 422
      const what = `${probe.method} ${probe.path} ${probe.field ?? ''} ${probe.why}`
      if (!ok) wrong.push(`${what}: ${status} ${fields}`)
      // A valid request that succeeded may have spent the session (a password change, a deletion).
      if (!probe.field && status < 300) session = undefined
    }
    assert.deepEqual(wrong, [])
  })

  test('real answers of the main endpoints match the documented schemas', async ({ client }) => {
    const { check } = await openApiValidator()
    const call = async (
      method: 'get' | 'post' | 'put' | 'delete',
      url: string,
      docPath: string,
      options: { body?: object; headers?: Record<string, string> } = {}
    ) => {
      let request = client[method](url)
      if (options.headers) request = request.headers(options.headers)
      if (options.body) request = request.json(options.body)
      const response = await request
      check(method, docPath, response.status(), response.body())
      return response
    }

    const name = uniqueName()
    await call('post', '/api/v1/user', '/api/v1/user', {
      body: {
        name,
        email: `${name}@example.com`,
        password: 'long-enough-1',
        password_confirmation: 'long-enough-1',
      },
    })
    const login = await call('post', '/api/v1/user/login', '/api/v1/user/login', {
      body: { username: name, password: 'long-enough-1' },
    })
    const auth = { authorization: `Bearer ${login.body().access_token}` }
    await call('post', '/api/v1/user/login', '/api/v1/user/login', {
      body: { username: name, password: 'wrong-password' },
    })
    await call('get', '/api/v1/user/me', '/api/v1/user/me', { headers: auth })
    await call('get', '/api/v1/user/me', '/api/v1/user/me')
    await call('put', '/api/v1/user', '/api/v1/user', {
      headers: auth,
      body: { email: 'not-an-email' },
    })
    /* issue #21 email block */
    await call('post', '/api/v1/user/password/forgot', '/api/v1/user/password/forgot', {
      body: { email: `${name}@example.com` },
    })
    for (const [path, body] of [
      [
        '/api/v1/user/password/reset',
        { token: 'forged', password: 'long-enough-2', password_confirmation: 'long-enough-2' },
      ],
      ['/api/v1/user/email/verify', { token: 'forged' }],
    ] as const) {
      await call('post', path, path, { body })
    }
    await call('post', '/api/v1/user/email/verification', '/api/v1/user/email/verification', {
      headers: auth,
    })
    /* end of issue #21 email block */
    await call('post', '/api/v1/user/token', '/api/v1/user/token', {
      body: { refresh_token: login.body().refresh_token },
    })
    await call('get', '/health', '/health')
    await call('get', '/health/ready', '/health/ready')
    await call('get', '/ping', '/ping')

    if (!pluginListed('board')) return

    const { board, category } = await createBoard()
    await call('get', '/api/v1/board', '/api/v1/board')
    await call('get', `/api/v1/board/category?board=${board}`, '/api/v1/board/category')
    await call('get', `/api/v1/board/parent?category=${category}`, '/api/v1/board/parent')
    await call('get', '/api/v1/board/category?board=nope-none', '/api/v1/board/category')
    const created = await call('post', `/api/v1/board/${category}`, '/api/v1/board/{category}', {
      headers: auth,
      body: { title: 'Documented', content: 'Checked against the schema' },
    })
    const postId = created.body().id
    await call('post', `/api/v1/board/${category}`, '/api/v1/board/{category}', {
      headers: auth,
      body: { title: '' },
    })
    await call('get', `/api/v1/board/${board}?size=5`, '/api/v1/board/{category}')
    await call('get', `/api/v1/board/${category}?keyword=Documented`, '/api/v1/board/{category}')
    await call('get', `/api/v1/post/${postId}`, '/api/v1/post/{id}')
    await call('get', '/api/v1/post/999999999', '/api/v1/post/{id}')
    await call('put', `/api/v1/post/${postId}`, '/api/v1/post/{id}', {
      headers: auth,
      body: { title: 'Edited', content: 'Second version' },
    })
    await call('get', `/api/v1/post/${postId}/history`, '/api/v1/post/{id}/history')
    await call('post', `/api/v1/post/${postId}/vote`, '/api/v1/post/{id}/vote', { headers: auth })
    const comment = await call(
      'post',
      `/api/v1/post/${postId}/comment`,
      '/api/v1/post/{id}/comment',
      {
        headers: auth,
        body: { content: 'A documented comment' },
      }
    )
    await call('get', `/api/v1/post/${postId}/comment`, '/api/v1/post/{id}/comment')
    // Public profiles: the profile (with the board's counts), its lists, and a 404.
    await call('get', `/api/v1/users/${name}`, '/api/v1/users/{name}')
    await call('get', `/api/v1/users/${uniqueName('nobody')}`, '/api/v1/users/{name}')
    await call('get', `/api/v1/users/${name}/posts?size=1`, '/api/v1/users/{name}/posts')
    await call('get', `/api/v1/users/${name}/comments`, '/api/v1/users/{name}/comments')
    await call('put', `/api/v1/comment/${comment.body().id}`, '/api/v1/comment/{id}', {
      headers: auth,
      body: { content: 'Edited comment' },
    })
    await call(
      'get',
      `/api/v1/comment/${comment.body().id}/history`,
      '/api/v1/comment/{id}/history'
    )
    await call('post', `/api/v1/comment/${comment.body().id}/vote`, '/api/v1/comment/{id}/vote', {
      headers: auth,
    })
    await call('delete', `/api/v1/comment/${comment.body().id}`, '/api/v1/comment/{id}', {
      headers: auth,
    })
    await call('delete', `/api/v1/post/${postId}`, '/api/v1/post/{id}', { headers: auth })
    await call('post', `/api/v1/post/${postId}/restore`, '/api/v1/post/{id}/restore', {
      headers: auth,
    })
    await call('get', '/api/v1/moderation/posts', '/api/v1/moderation/posts', { headers: auth })

    const moderator = await signedInUser(client, { role: 'moderator' })
    await call('delete', `/api/v1/post/${postId}`, '/api/v1/post/{id}', { headers: moderator.auth })
    await call('get', '/api/v1/moderation/posts?size=2', '/api/v1/moderation/posts', {
      headers: moderator.auth,
    })
    await call('get', '/api/v1/moderation/comments?size=2', '/api/v1/moderation/comments', {
      headers: moderator.auth,
    })
  }).skip(...needsPlugins('board'))
})
