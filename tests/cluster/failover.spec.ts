import { test } from '@japa/runner'
import mysql from 'mysql2/promise'
import { runAce } from '#tests/helpers/child_processes'
import { loginAt } from '#tests/helpers/http_json'
import { clusterRequirement, startCluster, type Cluster } from '#tests/cluster/helpers/cluster'
import { percentile, sleep, startLoad } from '#tests/cluster/helpers/mixed_load'

/**
 * Three instances of the production build behind nginx (ops/nginx.conf) on a
 * MariaDB and a Redis of the test's own, under steady mixed traffic: one
 * instance crashes (SIGKILL) and comes back, then every instance is
 * restarted in turn (SIGTERM). Reads never fail; a comment write fails only
 * if it was in flight on the instance that crashed; no write is lost or
 * doubled.
 */
const requirement = clusterRequirement('the failover tests of the cluster suite')

const USERS = 12
const POSTS = 200

test.group('Cluster: three instances behind nginx', (group) => {
  let cluster: Cluster
  let tokens: string[]
  let postIds: number[]
  let rows: mysql.Connection

  group.setup(async () => {
    if (requirement.skip[0]) return async () => {}
    requirement.assert()
    cluster = await startCluster('failover', { instances: 3 })
    // Stopped with the group, also when the next hook (filling it) fails.
    return () => cluster.stop()
  })

  group.setup(async () => {
    if (requirement.skip[0]) return async () => {}
    runAce(['demo:seed', `--users=${USERS}`, `--posts=${POSTS}`, '--comments=0'], cluster.env)
    rows = await mysql.createConnection({
      host: '127.0.0.1',
      port: cluster.primary.port,
      user: 'root',
      database: 'board',
    })
    const [users] = await rows.query(
      "SELECT name FROM users WHERE name LIKE 'demo%' ORDER BY id LIMIT ?",
      [USERS]
    )
    tokens = []
    for (const { name } of users as { name: string }[]) {
      tokens.push(await loginAt(cluster.url, name, 'demo-password'))
    }
    const [posts] = await rows.query('SELECT id FROM posts WHERE deleted_at IS NULL')
    postIds = (posts as { id: number }[]).map((post) => Number(post.id))
    return () => rows.end()
  })

  /** Reads and comment writes (a fifth) from eight clients through nginx. */
  const steadyLoad = (marker: string) =>
    startLoad({
      url: cluster.url,
      tokens,
      postIds,
      category: 'qna',
      workers: 8,
      writeShare: 0.2,
      marker,
    })

  /** Every comment the load created exists once; every post's counter matches its rows. */
  async function assertNoWriteLostOrDoubled(
    assert: import('@japa/assert').Assert,
    marker: string,
    tally: { created: number[]; writes: { failed: number } }
  ) {
    const [stored] = await rows.query(
      `SELECT c.id FROM comments c
         JOIN comment_versions v ON v.comment_id = c.id AND v.version = 1
        WHERE v.content LIKE ?`,
      [`${marker} %`]
    )
    const storedIds = new Set((stored as { id: number }[]).map((row) => Number(row.id)))
    for (const id of tally.created) assert.isTrue(storedIds.has(id), `comment ${id} was lost`)
    // A write that failed may still have committed (its answer was lost with the instance).
    assert.isAtLeast(storedIds.size, tally.created.length)
    assert.isAtMost(storedIds.size, tally.created.length + tally.writes.failed)
    const [drift] = await rows.query(
      `SELECT p.id FROM posts p WHERE p.comment_count <>
         (SELECT COUNT(*) FROM comments c WHERE c.post_id = p.id AND c.deleted_at IS NULL)`
    )
    assert.deepEqual(drift, [], 'comment counters match their rows')
    return storedIds.size
  }

  test('an instance killed under load and started again: reads never fail, writes are not lost', async ({
    assert,
  }) => {
    const marker = `failover-${Date.now()}`
    const load = steadyLoad(marker)
    await sleep(3000)
    const killedAt = Date.now()
    const inFlightAtSignal = load.tally.writesInFlight
    const startedAtSignal = load.tally.writesStarted
    // Resolves once the process has exited: until then nginx may still hand it requests, so the
    // writes in flight at the kill are those in flight at the signal and those sent until the exit.
    await cluster.instances[1].kill()
    const inFlightAtKill = inFlightAtSignal + (load.tally.writesStarted - startedAtSignal)
    await sleep(3000)
    await cluster.instances[1].start()
    const gapMs = Date.now() - killedAt
    await sleep(3000)
    const tally = await load.stop()
    const stored = await assertNoWriteLostOrDoubled(assert, marker, tally)

    console.log(
      `  failover: ${tally.reads.ok} reads (${tally.reads.failed} failed), ` +
        `${tally.writes.ok} writes (${tally.writes.failed} failed, ${inFlightAtKill} in flight ` +
        `at the kill), ${stored} comments stored, instance down ${gapMs} ms, ` +
        `p99 ${percentile(tally.latencies, 0.99).toFixed(0)} ms`
    )
    assert.equal(tally.reads.failed, 0, tally.reads.failures.join('\n'))
    assert.isAtMost(tally.writes.failed, inFlightAtKill, tally.writes.failures.join('\n'))
    assert.isAbove(tally.writes.ok, 0)
  })
    .skip(...requirement.skip)
    .timeout(300_000)

  test('a rolling restart (SIGTERM one instance at a time) fails nothing', async ({ assert }) => {
    const marker = `rolling-${Date.now()}`
    const load = steadyLoad(marker)
    await sleep(2000)
    const exits = []
    for (const instance of cluster.instances) {
      exits.push(await instance.stop())
      await instance.start()
      await sleep(1000)
    }
    const tally = await load.stop()
    const stored = await assertNoWriteLostOrDoubled(assert, marker, tally)
    console.log(
      `  rolling restart: ${tally.reads.ok} reads (${tally.reads.failed} failed), ` +
        `${tally.writes.ok} writes (${tally.writes.failed} failed), ${stored} comments stored`
    )
    assert.deepEqual(exits, [0, 0, 0], 'every instance shut down cleanly')
    assert.equal(tally.reads.failed, 0, tally.reads.failures.join('\n'))
    assert.equal(tally.writes.failed, 0, tally.writes.failures.join('\n'))
    assert.equal(stored, tally.created.length)
  })
    .skip(...requirement.skip)
    .timeout(300_000)
})
