import { test } from '@japa/runner'
import { runAce, runAceAsync, timeUntil } from '#tests/helpers/child_processes'
import { bearer, call, loginAt } from '#tests/helpers/http_json'
import { AdminAgent } from '#admin/tests/helpers/admin_agent'
import { clusterRequirement, startCluster, type Cluster } from '#tests/cluster/helpers/cluster'

/**
 * State made on one instance (or by an Ace command) holds on the others:
 * each check asks every instance directly, not through nginx, so none can
 * pass by landing on the instance that made the change.
 */
const requirement = clusterRequirement('the cross-instance tests of the cluster suite')

const PASSWORD = 'cluster-pass1'
/** The promise (README, docs/deployment.md): every instance answers the new state within this. */
const WITHIN_MS = 1000
const LOGINS_PER_USER = 5

test.group('Cluster: state made on one instance holds on the others', (group) => {
  let cluster: Cluster
  const urls = () => cluster.instances.map((instance) => instance.url)

  group.setup(async () => {
    if (requirement.skip[0]) return async () => {}
    requirement.assert()
    cluster = await startCluster('cross-instance', {
      instances: 3,
      env: { RATE_LIMIT_LOGIN_PER_USER: String(LOGINS_PER_USER) },
    })
    // Stopped with the group, also when the next hook (filling it) fails.
    return () => cluster.stop()
  })

  group.setup(async () => {
    if (requirement.skip[0]) return
    for (const [name, role] of [
      ['cxalice', 'user'],
      ['cxbob', 'user'],
      ['cxmod', 'moderator'],
      ['cxadmin', 'admin'],
      ['cxcarol', 'user'],
    ]) {
      runAce(
        ['user:create', name, `${name}@example.com`, `--role=${role}`, `--password=${PASSWORD}`],
        cluster.env
      )
    }
  })
  group.each.timeout(120_000)

  /** Holds once `check` holds on every instance; answers how long that took. */
  const onEvery = (what: string, check: (url: string) => Promise<boolean>) =>
    timeUntil(async () => (await Promise.all(urls().map(check))).every(Boolean), what)

  test('a block by Ace: every instance refuses the member within a second', async ({ assert }) => {
    const token = await loginAt(cluster.url, 'cxbob', PASSWORD)
    for (const url of urls()) {
      assert.equal((await call(url, '/api/v1/user/me', { headers: bearer(token) })).status, 200)
    }
    const { code, stderr } = await runAceAsync(['user:block', 'cxbob'], cluster.env)
    assert.equal(code, 0, stderr)
    const took = await onEvery(
      'the block on every instance',
      async (url) => (await call(url, '/api/v1/user/me', { headers: bearer(token) })).status === 403
    )
    assert.isAtMost(took, WITHIN_MS)
  }).skip(...requirement.skip)

  test('a role change by Ace: every instance applies it within a second', async ({ assert }) => {
    const token = await loginAt(cluster.url, 'cxalice', PASSWORD)
    const moderation = (url: string) =>
      call(url, '/api/v1/moderation/posts', { headers: bearer(token) })
    for (const url of urls()) assert.equal((await moderation(url)).status, 403)
    const { code, stderr } = await runAceAsync(['user:role', 'cxalice', 'moderator'], cluster.env)
    assert.equal(code, 0, stderr)
    const took = await onEvery(
      'the new role on every instance',
      async (url) => (await moderation(url)).status === 200
    )
    assert.isAtMost(took, WITHIN_MS)
  }).skip(...requirement.skip)

  test('a category renamed by Ace: every instance answers the new tree within a second', async ({
    assert,
  }) => {
    for (const url of urls()) assert.equal((await call(url, '/api/v1/board/qna')).status, 200)
    const { code, stderr } = await runAceAsync(['category:rename', 'qna', 'questions'], cluster.env)
    assert.equal(code, 0, stderr)
    const took = await onEvery(
      'the renamed category on every instance',
      async (url) =>
        (await call(url, '/api/v1/board/questions')).status === 200 &&
        (await call(url, '/api/v1/board/qna')).status === 404
    )
    assert.isAtMost(took, WITHIN_MS)
  }).skip(...requirement.skip)

  test('an edit on one instance: the others drop their cached post within a second', async ({
    assert,
  }) => {
    const token = await loginAt(cluster.url, 'cxcarol', PASSWORD)
    const [first, ...others] = urls()
    const created = await call(first, '/api/v1/board/questions', {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ title: 'cached everywhere', content: 'version 1' }),
    })
    assert.equal(created.status, 201, created.text)
    const path = `/api/v1/post/${created.json.id}`
    // Every instance has it cached before the edit.
    for (const url of urls()) assert.equal((await call(url, path)).json.content, 'version 1')
    const edited = await call(first, path, {
      method: 'PUT',
      headers: bearer(token),
      body: JSON.stringify({ title: 'cached everywhere', content: 'version 2' }),
    })
    assert.equal(edited.status, 200, edited.text)
    const took = await timeUntil(
      async () =>
        (await Promise.all(others.map((url) => call(url, path)))).every(
          (answer) => answer.json.content === 'version 2'
        ),
      'the edit on the other instances'
    )
    assert.isAtMost(took, WITHIN_MS)
  }).skip(...requirement.skip)

  test('the login limit counts attempts on every instance together', async ({ assert }) => {
    const attempt = (url: string) =>
      call(url, '/api/v1/user/login', {
        method: 'POST',
        body: JSON.stringify({ username: 'cxmod', password: 'wrong-password' }),
      })
    const statuses = []
    for (let i = 0; i < LOGINS_PER_USER; i++) statuses.push((await attempt(urls()[i % 3])).status)
    assert.deepEqual(statuses, Array(LOGINS_PER_USER).fill(401))
    for (const url of urls()) {
      const refused = await attempt(url)
      assert.equal(refused.status, 429, refused.text)
    }
  }).skip(...requirement.skip)

  test('an admin panel session made on one instance works on the others', async ({ assert }) => {
    const [first, ...others] = urls()
    const agent = new AdminAgent(first)
    const signedIn = await agent.signIn('cxadmin', PASSWORD)
    assert.equal(signedIn.status, 302)
    for (const url of others) {
      const elsewhere = new AdminAgent(url)
      for (const [name, value] of agent.cookies) elsewhere.cookies.set(name, value)
      const page = await elsewhere.get('/admin')
      assert.equal(page.status, 200, `the panel on ${url}`)
      assert.include(page.text, 'cxadmin')
    }
  }).skip(...requirement.skip)
})
