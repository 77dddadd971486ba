import { test } from '@japa/runner'
import emitter from '@adonisjs/core/services/emitter'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createPostsTitled } from '#tests/helpers/board'
import { cacheChangesApplied } from '#tests/helpers/cache_changes'

test('sql', async ({ client }) => {
  const { board, category } = await createBoard()
  const author = await signedInUser(client)
  const ids = await createPostsTitled(client, author, category, ['a', 'b', 'c', 'd', 'e'])
  await cacheChangesApplied()
  const cursor = (id: number) => Buffer.from(JSON.stringify({ id })).toString('base64url')
  const seen: any[] = []
  const l = (q: any) => seen.push(q)
  emitter.on('db:query', l)
  await client.get(`/api/v1/board/${board}?size=2&cursor=${cursor(ids[3])}`)
  await client.get(`/api/v1/post/${ids[1]}`)
  await client.get(`/api/v1/board/${board}?sort=activity&size=2&page=2`)
  emitter.off('db:query', l)
  for (const q of seen) if (!q.sql.includes('cache_changes')) console.log('SQL', q.sql, JSON.stringify(q.bindings))
})
