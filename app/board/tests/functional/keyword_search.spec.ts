import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { ListPosts, type PostList } from '#board/actions/list_posts'
import { postSearch, type PostSearchOptions } from '#board/search/post_search'
import { signedInUser, uniqueName } from '#tests/helpers/accounts'
import { createBoard, createPost, createPostsTitled } from '#tests/helpers/board'
import { assertLiteralSearch } from '#tests/helpers/literal_search'

/**
 * The three ways the search planner answers (exact sample, newest-first scan,
 * search index), forced with tiny options so a test board of a few posts
 * takes each path; MariaDB's answers from the term index alone are in
 * term_index.spec.ts. The HTTP tests in list_and_search.spec.ts take the
 * sample path (their boards are smaller than the default sample).
 */
const planners: Record<string, Partial<PostSearchOptions>> = {
  // MariaDB answers one-word keywords from the term index; SQLite plans them.
  'the default plan': { indexedPages: true },
  'the search index': { sampleSize: 0, commonMatches: 1 },
  'a newest-first scan': { sampleSize: 0, commonMatches: 0, scanWindow: 1000 },
}

/** A lister that always plans (no answers straight from MariaDB's term index) unless told. */
function lister(options: Partial<PostSearchOptions>) {
  return new ListPosts(postSearch({ indexedPages: false, ...options }))
}

const ids = (list: PostList) => list.post_list.map((p) => p.id)

/** Every page of a keyword list, following next_cursor. */
async function allPages(list: ListPosts, board: string, keyword: string, size: number) {
  const pages: PostList[] = []
  let afterId: number | null = null
  do {
    const page: PostList = await list.handle(board, keyword, { size, page: 1, afterId })
    pages.push(page)
    afterId = page.next_cursor ? page.post_list.at(-1)!.id : null
  } while (afterId)
  return pages
}

/** `count` posts with the same title by a new author; their ids, newest first. */
async function postsWith(client: ApiClient, category: string, count: number, title: string) {
  const author = await signedInUser(client)
  const titles = Array.from({ length: count }, () => title)
  return (await createPostsTitled(client, author, category, titles)).reverse()
}

test.group('Search planner', (group) => {
  group.each.setup(() => limiter.clear())

  for (const [path, options] of Object.entries(planners)) {
    test(`through ${path}: literal, case-insensitive, current versions and authors`, async ({
      client,
      assert,
    }) => {
      const list = lister(options)
      await assertLiteralSearch(client, assert, async (board, keyword) =>
        ids(await list.handle(board, keyword, { size: 10, page: 1, afterId: null }))
      )
    })
  }

  for (const [path, options] of Object.entries(planners)) {
    test(`through ${path}: a phrase is its words side by side, the last may go on`, async ({
      client,
      assert,
    }) => {
      const { board, category } = await createBoard()
      const lead = uniqueName('lead')
      const tail = uniqueName('tail')
      const [adjacent, , , longer, , between] = await createPostsTitled(
        client,
        await signedInUser(client),
        category,
        [
          `${lead} ${tail} first`,
          `${tail} ${lead}`,
          `${lead} and ${tail}`,
          `${lead} ${tail}ness`,
          `${lead}, ${tail}`,
          `${lead} to ${tail}.`,
        ]
      )
      const list = lister(options)
      const find = async (keyword: string) =>
        ids(await list.handle(board, keyword, { size: 10, page: 1, afterId: null }))

      assert.deepEqual(await find(`${lead} ${tail}`), [longer, adjacent])
      assert.deepEqual(await find(`${lead} ${tail.slice(0, 6)}`), [longer, adjacent])
      assert.deepEqual(await find(`${lead.slice(0, 6)} ${tail}`), [], 'only the last word goes on')
      assert.deepEqual(await find(`${lead} to ${tail}.`), [between], 'short words in between')
      assert.deepEqual(await find(`to ${tail}.`), [between], 'short words at the ends')
      assert.deepEqual(await find(`${tail}.`), [between], 'punctuation is literal')
    })
  }

  test('the search index counts exactly and pages through every match', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const older = await postsWith(client, category, 3, 'rare keyword here')
    await postsWith(client, category, 3, 'nothing to see')
    const list = lister({ sampleSize: 2 })

    const first = await list.handle(board, 'keyword', { size: 2, page: 1, afterId: null })
    assert.equal(first.total, 3)
    assert.equal(first.total_relation, 'eq')
    const pages = await allPages(list, board, 'keyword', 2)
    assert.deepEqual(pages.flatMap(ids), older)
    const second = await list.handle(board, 'keyword', { size: 2, page: 2, afterId: null })
    assert.deepEqual(ids(second), older.slice(2))
  })

  test('a common keyword is scanned newest first and its total is a lower bound', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const matching = await postsWith(client, category, 6, 'common word')
    await postsWith(client, category, 1, 'unrelated')
    const newestFirst = [...(await postsWith(client, category, 2, 'common again')), ...matching]
    const list = lister({ sampleSize: 3, commonMatches: 2, scanWindow: 1000 })

    const first = await list.handle(board, 'common', { size: 2, page: 1, afterId: null })
    assert.equal(first.total_relation, 'gte')
    assert.isAtLeast(first.total, 3)
    assert.isAtMost(first.total, newestFirst.length)
    const pages = await allPages(list, board, 'common', 2)
    assert.deepEqual(pages.flatMap(ids), newestFirst)
    const third = await list.handle(board, 'common', { size: 2, page: 3, afterId: null })
    assert.deepEqual(ids(third), newestFirst.slice(4, 6))
  })

  test('a scan that runs out of its window hands the page to the index', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const older = await postsWith(client, category, 2, 'trending topic')
    await postsWith(client, category, 4, 'filler post')
    const newer = await postsWith(client, category, 2, 'trending topic')
    const list = lister({ sampleSize: 3, commonMatches: 2, scanWindow: 3, unboundedScanShare: 2 })

    const page = await list.handle(board, 'trending', { size: 3, page: 1, afterId: null })
    assert.equal(page.total_relation, 'eq')
    assert.equal(page.total, 4)
    assert.deepEqual(ids(page), [...newer, older[0]])
  })

  test('a keyword common in the list but missing from its newest posts is still scanned', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const matching = await postsWith(client, category, 6, 'seasonal word')
    await postsWith(client, category, 4, 'latest news')
    // Sampling only the newest five posts finds one match: the word looked rare and went to the index.
    const list = lister({ sampleSize: 5, commonMatches: 2 })

    const first = await list.handle(board, 'seasonal', { size: 4, page: 1, afterId: null })
    assert.equal(first.total_relation, 'gte')
    assert.deepEqual(ids(first), matching.slice(0, 4))
    const pages = await allPages(list, board, 'seasonal', 4)
    assert.deepEqual(pages.flatMap(ids), matching)
  })

  test('beyond maxCounted matches the total is a lower bound and pages still reach them all', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const matching = await postsWith(client, category, 5, 'counted keyword')
    const list = lister({ sampleSize: 0, commonMatches: 1, maxCounted: 3 })

    const first = await list.handle(board, 'counted', { size: 2, page: 1, afterId: null })
    assert.equal(first.total, 3)
    assert.equal(first.total_relation, 'gte')
    const pages = await allPages(list, board, 'counted', 2)
    assert.deepEqual(pages.flatMap(ids), matching)
  })

  test('a keyword no account name can contain does not read users', async ({ client, assert }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category, { title: 'fresh words here' })
    const userReads: string[] = []
    const knex = db.connection().getWriteClient()
    const listener = (query: { sql: string }) => {
      if (/from [`"]?users[`"]?/i.test(query.sql)) userReads.push(query.sql)
    }
    const found = async (keyword: string) => {
      const response = await client.get(
        `/api/v1/board/${board}?keyword=${encodeURIComponent(keyword)}`
      )
      response.assertStatus(200)
      return (response.body() as PostList).post_list.map((p) => p.id)
    }
    knex.on('query', listener)
    try {
      // Names are letters and digits: a space or punctuation rules every account out.
      assert.deepEqual(await found('fresh words'), [post.id])
      assert.deepEqual(await found('here!'), [])
      assert.lengthOf(userReads, 0, userReads.join('\n'))
      assert.deepEqual(await found(author.name), [post.id])
      assert.isAbove(userReads.length, 0, 'a one-word keyword still matches names')
    } finally {
      knex.removeListener('query', listener)
    }
  })
})
