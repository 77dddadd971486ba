import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import limiter from '@adonisjs/limiter/services/main'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { scrape, valueOf } from '#tests/helpers/metrics'

test.group('GET /metrics: board activity and cache', (group) => {
  group.tap((t) => t.skip(...needsPlugins('board')))
  group.each.setup(() => limiter.clear())

  test('counts posts, comments and votes, and cache hits and misses by key group', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const before = await scrape(client)

    const post = await createPost(client, author, category)
    await createComment(client, author, post.id)
    await client.post(`/api/v1/post/${post.id}/vote`).headers(author.auth)
    await client.get(`/api/v1/post/${post.id}`)
    await client.get(`/api/v1/post/${post.id}`)

    const after = await scrape(client)
    const delta = (name: string, labels = {}) =>
      valueOf(after, name, labels) - valueOf(before, name, labels)
    assert.equal(delta('boardcms_board_posts_created_total'), 1)
    assert.equal(delta('boardcms_board_comments_created_total'), 1)
    assert.equal(delta('boardcms_board_votes_total', { target: 'post', direction: 'up' }), 1)

    const cacheSeries = after.filter((s) => s.name.includes('cache'))
    assert.isAbove(cacheSeries.length, 0, 'cache metrics are exposed')
    const keys = new Set(cacheSeries.map((s) => s.labels.key).filter(Boolean))
    assert.include([...keys], 'board:post')
    for (const key of keys) assert.notMatch(key, /\d/, 'ids never become label values')
  })
})
