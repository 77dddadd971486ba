import { test } from '@japa/runner'
import http from 'node:http'
import { runAce, timeUntil } from '#tests/helpers/child_processes'
import { clusterRequirement, startCluster, type Cluster } from '#tests/cluster/helpers/cluster'
import { sleep, startLoad } from '#tests/cluster/helpers/mixed_load'

/**
 * A MariaDB primary and a replica following it by binlog, delayed on purpose
 * (MASTER_DELAY), behind two instances and nginx. A member who writes reads
 * the write at once; another client may read the replica's older state, for
 * at most the lag bound; losing the replica moves reads to the primary
 * within a second and fails nothing; its return is picked up.
 */
const requirement = clusterRequirement('the replica tests of the cluster suite')

/** The replica applies each change this long after the primary (seconds). */
const DELAY_S = 2

/** A client with its own address: nginx passes it on, the app tells clients apart by it. */
function clientAt(cluster: Cluster, address: string) {
  const agent = new http.Agent({ keepAlive: true })
  const { hostname, port } = new URL(cluster.url)
  let token = ''
  const call = (path: string, init: { method?: string; body?: unknown } = {}) =>
    new Promise<{ status: number; json: any; text: string }>((resolve, reject) => {
      const body = init.body === undefined ? undefined : JSON.stringify(init.body)
      const request = http.request(
        {
          host: hostname,
          port,
          path,
          method: init.method ?? 'GET',
          agent,
          localAddress: address,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (response) => {
          let text = ''
          response.setEncoding('utf8')
          response.on('data', (chunk) => (text += chunk))
          response.on('end', () =>
            resolve({ status: response.statusCode!, json: text ? JSON.parse(text) : null, text })
          )
        }
      )
      request.on('error', reject)
      request.end(body)
    })
  return {
    call,
    async login(username: string) {
      const answer = await call('/api/v1/user/login', {
        method: 'POST',
        body: { username, password: 'demo-password' },
      })
      if (answer.status !== 200) throw new Error(`login: ${answer.text}`)
      token = answer.json.access_token
    },
    close: () => agent.destroy(),
  }
}

const commentsOf = async (client: ReturnType<typeof clientAt>, postId: number) => {
  const answer = await client.call(`/api/v1/post/${postId}/comment?size=50`)
  if (answer.status !== 200) throw new Error(`thread: ${answer.status} ${answer.text}`)
  return (answer.json.comment_list as { content: string }[]).map((comment) => comment.content)
}

test.group('Cluster: a MariaDB replica behind the instances', (group) => {
  let cluster: Cluster
  let member: ReturnType<typeof clientAt>
  let stranger: ReturnType<typeof clientAt>
  let postId: number

  group.setup(async () => {
    if (requirement.skip[0]) return async () => {}
    requirement.assert()
    cluster = await startCluster('replica', {
      instances: 2,
      replica: true,
    })
    // Stopped with the group, also when the next hook (filling it) fails.
    return () => cluster.stop()
  })

  group.setup(async () => {
    if (requirement.skip[0]) return async () => {}
    runAce(['demo:seed', '--users=3', '--posts=20', '--comments=0'], cluster.env)
    const replica = cluster.replica!
    await replica.sql('STOP SLAVE')
    await replica.sql(`CHANGE MASTER TO MASTER_DELAY=${DELAY_S}`)
    await replica.sql('START SLAVE')
    member = clientAt(cluster, '127.0.0.2')
    stranger = clientAt(cluster, '127.0.0.3')
    const [{ name }] = await cluster.primary.sql<{ name: string }>(
      "SELECT name FROM board.users WHERE name LIKE 'demo%' ORDER BY id LIMIT 1"
    )
    await member.login(name)
    const [{ id }] = await cluster.primary.sql<{ id: number }>(
      'SELECT id FROM board.posts ORDER BY id DESC LIMIT 1'
    )
    postId = Number(id)
    // Let the replica apply the seed before the tests measure its lag.
    await sleep((DELAY_S + 1) * 1000)
    return async () => {
      await member.close()
      await stranger.close()
    }
  })

  test('a member reads their own writes at once; another client sees them within the lag bound', async ({
    assert,
  }) => {
    const text = `mine ${Date.now()}`
    const written = await member.call(`/api/v1/post/${postId}/comment`, {
      method: 'POST',
      body: { content: text },
    })
    assert.equal(written.status, 201, written.text)
    // The thread is read from the database (not cached): the member's read goes to the primary.
    assert.include(await commentsOf(member, postId), text)
    // Another client reads the replica, DELAY_S behind: proof the reads above were routed.
    assert.notInclude(await commentsOf(stranger, postId), text)
    const lagMs = await timeUntil(
      async () => (await commentsOf(stranger, postId)).includes(text),
      'the comment on the replica',
      10_000
    )
    console.log(`  replica lag seen by another client: ${lagMs} ms (MASTER_DELAY ${DELAY_S} s)`)

    // A new post is in the board list at once (cache fills read the primary) ...
    const post = await member.call('/api/v1/board/qna', {
      method: 'POST',
      body: { title: `fresh ${Date.now()}`, content: 'on the primary' },
    })
    assert.equal(post.status, 201, post.text)
    const list = await member.call('/api/v1/board/qna?size=20')
    assert.include(
      list.json.post_list.map((row: { id: number }) => row.id),
      post.json.id
    )
    // ... for everyone, and a profile change shows in /user/me.
    const strangers = await stranger.call('/api/v1/board/qna?size=20')
    assert.include(
      strangers.json.post_list.map((row: { id: number }) => row.id),
      post.json.id
    )
    const name = `renamed${Date.now()}`
    const updated = await member.call('/api/v1/user', { method: 'PUT', body: { name } })
    assert.isBelow(updated.status, 300, updated.text)
    assert.equal((await member.call('/api/v1/user/me')).json.name, name)
  })
    .skip(...requirement.skip)
    .timeout(120_000)

  test('the replica lost under load: reads move to the primary within a second, nothing fails; its return is picked up', async ({
    assert,
  }) => {
    const load = startLoad({
      url: cluster.url,
      tokens: [],
      postIds: [postId],
      category: 'qna',
      workers: 4,
      writeShare: 0,
      marker: 'unused',
      paths: [`/api/v1/post/${postId}/comment?size=20`],
    })
    await sleep(1000)
    await cluster.replica!.kill()
    const text = `after the loss ${Date.now()}`
    const written = await member.call(`/api/v1/post/${postId}/comment`, {
      method: 'POST',
      body: { content: text },
    })
    assert.equal(written.status, 201, written.text)
    const movedMs = await timeUntil(
      async () => (await commentsOf(stranger, postId)).includes(text),
      'reads on the primary after the replica was lost',
      5000
    )
    await sleep(1000)
    const tally = await load.stop()
    console.log(
      `  replica lost: ${tally.reads.ok} thread reads (${tally.reads.failed} failed), ` +
        `another client read the primary after ${movedMs} ms`
    )
    assert.equal(tally.reads.failed, 0, tally.reads.failures.join('\n'))
    assert.isBelow(movedMs, 1000)

    // Back: once it has caught up, strangers read the (delayed) replica again.
    await cluster.replica!.start()
    await timeUntil(
      async () => {
        const probe = `probe ${Date.now()}`
        await member.call(`/api/v1/post/${postId}/comment`, {
          method: 'POST',
          body: { content: probe },
        })
        return !(await commentsOf(stranger, postId)).includes(probe)
      },
      'reads on the replica again after its return',
      30_000
    )
  })
    .skip(...requirement.skip)
    .timeout(120_000)
})
