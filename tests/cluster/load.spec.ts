import { test } from '@japa/runner'
import { runAce } from '#tests/helpers/child_processes'
import { loginAt } from '#tests/helpers/http_json'
import { clusterRequirement, startCluster, type Cluster } from '#tests/cluster/helpers/cluster'
import { percentile, sleep, startLoad, type LoadTally } from '#tests/cluster/helpers/mixed_load'

/**
 * Mixed traffic over a large board (CLUSTER_LOAD_POSTS, a million by
 * default) through nginx, as fast as the machine answers it (closed loop,
 * CLUSTER_LOAD_WORKERS clients), for CLUSTER_LOAD_SECONDS against one
 * instance and then against three. On a machine of two cores the point is
 * that nothing fails at the highest rate, not that three instances answer
 * three times as much (they share the same cores with nginx, MariaDB and
 * the load): the figures are printed, not asserted.
 */
const requirement = clusterRequirement('the load run of the cluster suite')

const POSTS = Number(process.env.CLUSTER_LOAD_POSTS ?? 1_000_000)
const SECONDS = Number(process.env.CLUSTER_LOAD_SECONDS ?? 60)
const WORKERS = Number(process.env.CLUSTER_LOAD_WORKERS ?? 32)
const USERS = 16

test.group('Cluster: load over a large board', (group) => {
  let cluster: Cluster
  let tokens: string[]
  let postIds: number[]

  group.setup(async () => {
    if (requirement.skip[0]) return async () => {}
    requirement.assert()
    cluster = await startCluster('load', {
      instances: 3,
      // The test's own server holds the whole board in memory and does not wait for the disk on
      // every commit: the seed is the slow part of this test, not what it measures.
      primaryOptions: ['--innodb-buffer-pool-size=1G', '--innodb-flush-log-at-trx-commit=2'],
    })
    // Stopped with the group, also when the next hook (filling it) fails.
    return () => cluster.stop()
  })

  group.setup(async () => {
    if (requirement.skip[0]) return
    const seeded = Date.now()
    runAce(
      ['demo:seed', `--users=${USERS}`, `--posts=${POSTS}`, `--comments=${POSTS / 10}`],
      cluster.env,
      3_600_000
    )
    console.log(`  seeded ${POSTS} posts in ${Math.round((Date.now() - seeded) / 1000)} s`)
    const users = await cluster.primary.sql<{ name: string }>(
      `SELECT name FROM board.users WHERE name LIKE 'demo%' ORDER BY id LIMIT ${USERS}`
    )
    tokens = []
    for (const { name } of users) tokens.push(await loginAt(cluster.url, name, 'demo-password'))
    const [range] = await cluster.primary.sql<{ low: number; high: number }>(
      'SELECT MIN(id) AS low, MAX(id) AS high FROM board.posts'
    )
    // Random posts over the whole board: most reads of a real board are of old posts.
    postIds = Array.from(
      { length: 20_000 },
      () => Number(range.low) + Math.floor(Math.random() * (Number(range.high) - Number(range.low)))
    )
  })

  async function run(url: string, label: string) {
    const load = startLoad({
      url,
      tokens,
      postIds,
      category: 'qna',
      workers: WORKERS,
      writeShare: 0.1,
      marker: `load-${label}`,
    })
    await sleep(SECONDS * 1000)
    const tally = await load.stop()
    report(label, tally)
    return tally
  }

  function report(label: string, tally: LoadTally) {
    const answered = tally.reads.ok + tally.writes.ok
    console.log(
      `  ${label}: ${Math.round(answered / SECONDS)} req/s over ${POSTS} posts ` +
        `(${tally.reads.ok} reads, ${tally.writes.ok} writes; ` +
        `failed ${tally.reads.failed} reads, ${tally.writes.failed} writes), ` +
        `p50 ${percentile(tally.latencies, 0.5).toFixed(1)} ms, ` +
        `p99 ${percentile(tally.latencies, 0.99).toFixed(1)} ms`
    )
  }

  test('one instance, then three, at the highest rate: nothing fails', async ({ assert }) => {
    const one = await run(await cluster.proxyTo('one', [cluster.instances[0]]), '1 instance ')
    const three = await run(cluster.url, '3 instances')
    for (const tally of [one, three]) {
      assert.equal(tally.reads.failed, 0, tally.reads.failures.join('\n'))
      assert.equal(tally.writes.failed, 0, tally.writes.failures.join('\n'))
      assert.isAbove(tally.writes.ok, 0)
    }
  })
    .skip(...requirement.skip)
    .timeout(3_600_000)
})
