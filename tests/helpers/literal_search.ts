import type { ApiClient } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'

/**
 * The literal-search contract, checked the same way through every search
 * path: `%` and `_` are plain characters, matching is case-insensitive,
 * only current versions and author names count, operators stay literal.
 * `search` runs a keyword against `board` and returns the post ids found.
 */
export async function assertLiteralSearch(
  client: ApiClient,
  assert: Assert,
  search: (board: string, keyword: string) => Promise<number[]>
) {
  const { board, category } = await createBoard()
  const author = await signedInUser(client)
  const other = await signedInUser(client)
  const percent = await createPost(client, author, category, {
    title: 'Save 100% today',
    content: 'deal',
  })
  const underscore = await createPost(client, author, category, {
    title: 'snake_case names',
    content: 'style',
  })
  const edited = await createPost(client, other, category, {
    title: 'Draft',
    content: 'obsolete wording',
  })
  await client
    .put(`/api/v1/post/${edited.id}`)
    .headers(other.auth)
    .json({ title: 'Final', content: 'fresh words' })
  const find = (keyword: string) => search(board, keyword)

  assert.deepEqual(await find('%'), [percent.id])
  assert.deepEqual(await find('_'), [underscore.id])
  assert.deepEqual(await find('100%'), [percent.id])
  assert.deepEqual(await find('snake_case'), [underscore.id])
  assert.deepEqual(await find('obsolete'), [], 'old versions are not searched')
  assert.deepEqual(await find('fresh'), [edited.id])
  assert.deepEqual(await find('SAVE'), [percent.id], 'case-insensitive')
  assert.deepEqual(await find(other.name), [edited.id], 'author name')
  assert.deepEqual(await find("' or 1=1 --"), [])
  assert.deepEqual(await find('"quoted" (words) +plus -minus *'), [])
}
