import { test } from '@japa/runner'
import {
  runAce,
  runAceAsync,
  startProxy,
  startServer,
  timeUntil,
  waitFor,
  type ServerProcess,
} from '#tests/helpers/child_processes'
import { freePort } from '#tests/helpers/server_process'
import { needsPlugins } from '#tests/helpers/plugins'
import { requireServices, skipWhen } from '#tests/helpers/required_services'
import { redisOfItsOwn, scratchMariaDb } from '#tests/helpers/scratch_mariadb'
import { bearer, call, loginAt } from '#tests/helpers/http_json'

/**
 * Two instances on one Redis reach MariaDB through a proxy the test cuts,
 * while an operator's Ace command still reaches the database directly (a
 * partition between the instances and the database). Both instances keep
 * answering what they can, and once the database is back they enforce the
 * block made during the cut within a second.
 */
const DATABASE = 'board_reliability_db_cut'
const PASSWORD = 'secret-pass1'
const WITHIN_MS = 1000

const services = requireServices('the database cut test', 'mariadb', 'redis-server')

test.group('Two instances: database cut while an operator changes the state', () => {
  test('both degrade to 503, stay up, and apply the change made meanwhile within a second of the return', async ({
    assert,
    cleanup,
  }) => {
    services.assert()
    const redisPort = await redisOfItsOwn(cleanup)
    const { env } = await scratchMariaDb(DATABASE, redisPort, cleanup)
    for (const name of ['dbcutalice', 'dbcutbob']) {
      runAce(['user:create', name, `${name}@example.com`, `--password=${PASSWORD}`], env)
    }
    const proxyPort = await freePort()
    const proxy = await startProxy(proxyPort, 3306)
    cleanup(() => proxy.cut())
    const throughProxy = { ...env, MYSQL_PORT: String(proxyPort), LOG_LEVEL: 'warn' }
    const servers: ServerProcess[] = []
    cleanup(async () => {
      for (const server of servers) await server.stop()
    })
    servers.push(
      await startServer(await freePort(), throughProxy),
      await startServer(await freePort(), throughProxy)
    )

    const alice = await loginAt(servers[0].url, 'dbcutalice', PASSWORD)
    const bob = await loginAt(servers[1].url, 'dbcutbob', PASSWORD)
    const created = await call(servers[0].url, '/api/v1/board/qna', {
      method: 'POST',
      headers: bearer(alice),
      body: JSON.stringify({ title: 'cached', content: 'read before the cut' }),
    })
    assert.equal(created.status, 201, created.text)
    const postPath = `/api/v1/post/${created.json.id}`
    // Each server drops the create's entries again on its next poll of the change log: read
    // after that, so what is read now stays cached.
    await new Promise((resolve) => setTimeout(resolve, 600))
    for (const server of servers) {
      assert.equal((await call(server.url, postPath)).status, 200)
      assert.equal(
        (await call(server.url, '/api/v1/user/me', { headers: bearer(bob) })).status,
        200
      )
    }

    await proxy.cut()
    // The operator still reaches the database: the block is saved and logged for the servers.
    const block = await runAceAsync(['user:block', 'dbcutbob'], env)
    assert.equal(block.code, 0, block.stderr)
    for (const server of servers) {
      assert.equal((await call(server.url, postPath)).status, 200, 'a cached read still answers')
      const list = await call(server.url, '/api/v1/board/qna?keyword=cut')
      assert.equal(list.status, 503, list.text)
      assert.equal(list.json.errors[0].code, 'E_SERVICE_UNAVAILABLE')
      assert.equal((await call(server.url, '/health/ready')).status, 503)
      assert.equal((await call(server.url, '/health')).status, 200)
    }

    await proxy.restore()
    const blockedIn = await timeUntil(async () => {
      const answers = await Promise.all(
        servers.map((server) => call(server.url, '/api/v1/user/me', { headers: bearer(bob) }))
      )
      return answers.every((answer) => answer.status === 403)
    }, 'the block after the cut')
    assert.isAtMost(blockedIn, WITHIN_MS, 'the block is enforced once the database is back')
    for (const server of servers) {
      await waitFor(
        async () => (await call(server.url, '/health/ready')).status === 200,
        20_000,
        () => 'no recovery'
      )
      assert.isNull(server.process.exitCode)
      const stacked = server
        .output()
        .split('\n')
        .filter((line) => /(^|\\n)\s+at /.test(line))
      assert.deepEqual(stacked.slice(0, 3), [], 'no stack in the log')
    }
    console.log(
      `  database cut: the block made during the cut was enforced ${blockedIn} ms after the return`
    )
  })
    .skip(...skipWhen(services.skip, needsPlugins('board')))
    .timeout(240_000)
})
