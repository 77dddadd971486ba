import { test } from '@japa/runner'
import { runAce, startServer, type ServerProcess } from '#tests/helpers/child_processes'
import { freePort } from '#tests/helpers/server_process'
import { redisOfItsOwn, scratchMariaDb } from '#tests/helpers/scratch_mariadb'
import { needsPlugins } from '#tests/helpers/plugins'
import { requireServices, skipWhen } from '#tests/helpers/required_services'
import { bearer, call, loginAt, type Json } from '#tests/helpers/http_json'

/**
 * Two app instances sharing MariaDB and a Redis (cache L2 and bus, limiter):
 * what several instances behind a load balancer are. Concurrent voters and
 * concurrent edits of one post spread over both must leave exact counters
 * and contiguous versions, and both instances must answer the same.
 */
const DATABASE = 'board_reliability_pair'
const VOTERS = 200
const EDITS = 50

const services = requireServices('the two-instance test', 'mariadb', 'redis-server')

const callUrl = (url: string, init?: RequestInit) => call(url, '', init)
const login = (server: ServerProcess, username: string, password: string) =>
  loginAt(server.url, username, password)

/** Runs `tasks` with at most `limit` in flight (the machine has few cores; bcrypt is slow). */
async function pooled<T>(limit: number, tasks: (() => Promise<T>)[]) {
  const results: T[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++
        results[index] = await tasks[index]()
      }
    })
  )
  return results
}

test.group('Two instances sharing MariaDB and Redis', () => {
  test('concurrent voters and edits over both instances: exact counters, contiguous versions', async ({
    assert,
    cleanup,
  }) => {
    services.assert()
    const redisPort = await redisOfItsOwn(cleanup)
    const { connection, env } = await scratchMariaDb(DATABASE, redisPort, cleanup)
    runAce(['demo:seed', `--users=${VOTERS + 1}`, '--posts=0', '--comments=0'], env)
    const [rows] = await connection.query(
      `SELECT name FROM ${DATABASE}.users WHERE name LIKE 'demo%' ORDER BY id`
    )
    const names = (rows as { name: string }[]).map((row) => row.name)
    assert.lengthOf(names, VOTERS + 1)

    const servers = [
      await startServer(await freePort(), env),
      await startServer(await freePort(), env),
    ]
    cleanup(async () => {
      for (const server of servers) await server.stop()
    })
    const on = (i: number) => servers[i % 2]

    const [authorName, ...voterNames] = names
    const author = await login(servers[0], authorName, 'demo-password')
    const created = await callUrl(`${servers[0].url}/api/v1/board/qna`, {
      method: 'POST',
      headers: bearer(author),
      body: JSON.stringify({ title: 'pair', content: 'version 1' }),
    })
    assert.equal(created.status, 201, created.text)
    const postId = created.json.id as number
    // Both instances cache the post before the writes start.
    for (const server of servers) {
      assert.equal((await callUrl(`${server.url}/api/v1/post/${postId}`)).json.vote, 0)
    }

    const tokens = await pooled(
      4,
      voterNames.map((name, i) => () => login(on(i), name, 'demo-password'))
    )
    const vote = (i: number) =>
      callUrl(`${on(i).url}/api/v1/post/${postId}/vote`, {
        method: 'POST',
        headers: bearer(tokens[i]),
      })
    const votes = await Promise.all(tokens.map((_, i) => vote(i)))
    assert.deepEqual(
      votes.map((answer) => answer.status),
      Array(VOTERS).fill(200)
    )
    // Half of them take it back, at once.
    const back = await Promise.all(tokens.slice(0, VOTERS / 2).map((_, i) => vote(i)))
    assert.isTrue(back.every((answer) => answer.status === 200 && answer.json.voted === false))

    const edits = await Promise.all(
      Array.from({ length: EDITS }, (_, i) =>
        callUrl(`${on(i).url}/api/v1/post/${postId}`, {
          method: 'PUT',
          headers: bearer(author),
          body: JSON.stringify({ title: `edit ${i}`, content: `text ${i}` }),
        })
      )
    )
    edits.forEach((answer, i) => {
      assert.equal(answer.status, 200, answer.text)
      assert.equal(answer.json.content, `text ${i}`, 'each edit answers its own text')
    })
    assert.sameMembers(
      edits.map((answer) => answer.json.version),
      Array.from({ length: EDITS }, (_, i) => i + 2)
    )

    const [[counted]] = (await connection.query(
      `SELECT vote_count, current_version FROM ${DATABASE}.posts WHERE id = ?`,
      [postId]
    )) as any
    assert.equal(Number(counted.vote_count), VOTERS / 2)
    assert.equal(Number(counted.current_version), EDITS + 1)
    // Both instances answer the same, fresh state.
    for (const server of servers) {
      const post = await callUrl(`${server.url}/api/v1/post/${postId}`)
      assert.equal(post.json.vote, VOTERS / 2)
      assert.equal(post.json.version, EDITS + 1)
      const history = await callUrl(`${server.url}/api/v1/post/${postId}/history`)
      assert.deepEqual(
        history.json.map((version: Json) => version.version),
        Array.from({ length: EDITS + 1 }, (_, i) => EDITS + 1 - i)
      )
    }
    console.log(
      `  two instances: ${VOTERS} voters, ${VOTERS / 2} unvotes, ${EDITS} edits; votes ${counted.vote_count}, version ${counted.current_version}`
    )
  })
    .skip(...skipWhen(services.skip, needsPlugins('board')))
    .timeout(240_000)
})
