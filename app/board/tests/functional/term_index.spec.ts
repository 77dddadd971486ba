import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { ListPosts } from '#board/actions/list_posts'
import { ManageCategories } from '#board/actions/manage_categories'
import { POST_SEARCH_DEFAULTS, SearchIndex, postSearch } from '#board/search/post_search'
import { TermIndexPostSearch } from '#board/search/adapters/term_index/term_index_post_search'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { ListScope } from '#board/services/list_scope'
import { signedInUser, uniqueName } from '#tests/helpers/accounts'
import { createBoard, createPost, createPostsTitled } from '#tests/helpers/board'

/**
 * MariaDB's term index (post_terms): one-word keywords are answered from it
 * alone, and every post write keeps it in step. SQLite has FTS5 instead.
 */
const onMariaDb = () => db.connection().dialect.name === 'mysql'

interface ListBody {
  total: number
  total_relation: 'eq' | 'gte'
  next_cursor: string | null
  post_list: { id: number }[]
}

async function search(client: ApiClient, category: string, keyword: string, query = '') {
  const response = await client.get(
    `/api/v1/board/${category}?keyword=${encodeURIComponent(keyword)}${query}`
  )
  response.assertStatus(200)
  const body = response.body() as ListBody
  return { ...body, ids: body.post_list.map((post) => post.id) }
}

async function termsOfPost(postId: number) {
  const rows = await db.from('post_terms').where('post_id', postId).orderBy('term')
  return rows.map((row) => `${row.term}@${row.category_id}`)
}

test.group('term index (MariaDB)', (group) => {
  group.each.setup(() => limiter.clear())

  test('a word in every post is counted exactly and paged newest first', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const word = uniqueName('everywhere').replace(/[^a-z0-9]/gi, '')
    const ids = await createPostsTitled(
      client,
      author,
      category,
      [1, 2, 3, 4, 5].map((n) => `${word} ${n}`)
    )
    const newestFirst = ids.reverse()

    // The planner would scan a word found in every post and report a lower bound.
    const first = await search(client, board, word, '&size=2')
    assert.equal(first.total, 5)
    assert.equal(first.total_relation, 'eq')
    assert.deepEqual(first.ids, newestFirst.slice(0, 2))
    const after = await search(client, board, word, `&size=2&cursor=${first.next_cursor}`)
    assert.deepEqual(after.ids, newestFirst.slice(2, 4))
    const third = await search(client, board, word, '&size=2&page=3')
    assert.deepEqual(third.ids, newestFirst.slice(4))
    assert.isNull(third.next_cursor)
  }).skip(!onMariaDb(), 'the term index is MariaDB only')

  test('a prefix merges the posts of every term it starts, each post once', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const stem = `zq${Date.now().toString(36)}`
    const [both, plural, past, other] = await createPostsTitled(client, author, category, [
      `${stem}s and ${stem}ed`,
      `many ${stem}s`,
      `${stem}ed yesterday`,
      'unrelated title',
    ])
    const found = await search(client, category, stem.toUpperCase(), '&size=2')
    assert.equal(found.total, 3)
    assert.deepEqual(found.ids, [past, plural])
    const rest = await search(client, category, stem, `&size=2&cursor=${found.next_cursor}`)
    assert.deepEqual(rest.ids, [both])
    assert.notInclude([...found.ids, ...rest.ids], other)
  }).skip(!onMariaDb(), 'the term index is MariaDB only')

  test('case and accents fold as the LIKE confirmation folds them', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const [cafe] = await createPostsTitled(client, author, category, ['Le Café Crème'])
    for (const keyword of ['cafe', 'CAFÉ', 'crème', 'Creme'])
      assert.deepEqual((await search(client, category, keyword)).ids, [cafe], keyword)
  }).skip(!onMariaDb(), 'the term index is MariaDB only')

  test('edits replace a post’s terms, a delete removes them and a restore brings them back', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category, {
      title: 'Original wording',
      content: 'kept words',
    })
    const categoryId = Number(
      (await db.from('posts').where('id', post.id).select('category_id').first()).category_id
    )
    const at = (terms: string[]) => terms.map((term) => `${term}@${categoryId}`)
    assert.deepEqual(await termsOfPost(post.id), at(['kept', 'original', 'wording', 'words']))

    await client
      .put(`/api/v1/post/${post.id}`)
      .headers(author.auth)
      .json({ title: 'Revised wording', content: 'kept words' })
      .then((response) => response.assertStatus(200))
    assert.deepEqual(await termsOfPost(post.id), at(['kept', 'revised', 'wording', 'words']))
    assert.deepEqual((await search(client, category, 'original')).ids, [])
    assert.deepEqual((await search(client, category, 'revised')).ids, [post.id])

    await client
      .delete(`/api/v1/post/${post.id}`)
      .headers(author.auth)
      .then((r) => r.assertStatus(204))
    assert.deepEqual(await termsOfPost(post.id), [])
    assert.deepEqual((await search(client, category, 'revised')).ids, [])

    await client
      .post(`/api/v1/post/${post.id}/restore`)
      .headers(author.auth)
      .then((response) => response.assertStatus(200))
    assert.deepEqual(await termsOfPost(post.id), at(['kept', 'revised', 'wording', 'words']))
    assert.deepEqual((await search(client, category, 'revised')).ids, [post.id])
  }).skip(!onMariaDb(), 'the term index is MariaDB only')

  test('posts moved by a category delete are found in their new category', async ({
    client,
    assert,
  }) => {
    const categories = new ManageCategories()
    const { board, category } = await createBoard()
    const target = await categories.create(uniqueName('c'), board)
    const author = await signedInUser(client)
    const word = `mv${Date.now().toString(36)}`
    const [moved] = await createPostsTitled(client, author, category, [`${word} post`])

    await categories.delete(category, target.name)
    const terms = await termsOfPost(moved)
    assert.include(terms, `${word}@${target.id}`)
    assert.isTrue(
      terms.every((term) => term.endsWith(`@${target.id}`)),
      terms.join()
    )
    assert.deepEqual((await search(client, target.name, word)).ids, [moved])
    assert.deepEqual((await search(client, board, word)).ids, [moved])
  }).skip(!onMariaDb(), 'the term index is MariaDB only')

  test('a keyword also lists the posts of authors whose name contains it', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const other = await signedInUser(client)
    const [byName] = await createPostsTitled(client, author, category, ['nothing in common'])
    const [byText] = await createPostsTitled(client, other, category, [`about ${author.name}`])
    const found = await search(client, category, author.name)
    assert.equal(found.total, 2)
    assert.deepEqual(found.ids, [byText, byName])
  }).skip(!onMariaDb(), 'the term index is MariaDB only')

  test('a rebuild gives the same index as the writes kept', async ({ client, assert }) => {
    const { category } = await createBoard()
    const author = await signedInUser(client)
    const post = await createPost(client, author, category, { title: 'Rebuilt index check' })
    await client
      .put(`/api/v1/post/${post.id}`)
      .headers(author.auth)
      .json({ title: 'Rebuilt index checked', content: 'after an edit' })
      .then((response) => response.assertStatus(200))
    const all = async () =>
      (await db.from('post_terms').orderBy(['term', 'post_id'])).map(
        (row) => `${row.term}:${row.post_id}:${row.category_id}`
      )
    const kept = await all()
    await SearchIndex.rebuildTerms()
    assert.deepEqual(await all(), kept)
    assert.deepEqual((await search(client, category, 'checked')).ids, [post.id])
  }).skip(!onMariaDb(), 'the term index is MariaDB only')

  test('a phrase is read through its rarest word: literal, exact and paged', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const common = uniqueName('often')
    const rare = uniqueName('seldom')
    // Common enough that the other word drives.
    await createPostsTitled(client, author, category, [`${common} alone`, `${common} again`])
    const [adjacent, reversed, apart, longer] = await createPostsTitled(client, author, category, [
      `${common} ${rare} first`,
      `${rare} ${common}`,
      `${common} and ${rare}`,
      `${common.toUpperCase()} ${rare}ness`,
    ])
    const inContent = (
      await createPost(client, author, category, {
        title: 'elsewhere',
        content: `It ends with ${common} ${rare}.`,
      })
    ).id

    const phrase = `${common} ${rare}`
    const found = await search(client, board, phrase, '&size=2')
    assert.equal(found.total, 3)
    assert.equal(found.total_relation, 'eq')
    assert.deepEqual(found.ids, [inContent, longer])
    const rest = await search(client, board, phrase, `&size=2&cursor=${found.next_cursor}`)
    assert.deepEqual(rest.ids, [adjacent])
    assert.deepEqual((await search(client, board, phrase, '&size=2&page=2')).ids, [adjacent])
    assert.notIncludeMembers([...found.ids, ...rest.ids], [reversed, apart])

    // A long keyword: some of its words drive and are checked by key, the LIKE confirms the rest.
    const stem = uniqueName('k').slice(0, 7)
    const words = Array.from({ length: 10 }, (_, i) => `${stem}${i}`)
    const long = (await createPostsTitled(client, author, category, [`x ${words.join(' ')} y`]))[0]
    assert.deepEqual((await search(client, board, words.join(' '))).ids, [long])
    assert.deepEqual((await search(client, board, words.reverse().join(' '))).ids, [])

    // Punctuation is literal, and a word followed by anything is a whole term.
    assert.deepEqual((await search(client, board, `${phrase}.`)).ids, [inContent])
    assert.deepEqual((await search(client, board, `${rare}.`)).ids, [inContent])
    // The last word may go on; the others may not.
    assert.deepEqual((await search(client, board, `${common} ${rare.slice(0, 5)}`)).total, 3)
    assert.deepEqual((await search(client, board, `${common.slice(0, 6)} ${rare}`)).ids, [])

    // Answered from the term index, not by the planner.
    const tree = await CategoryTreeCache.get()
    const scope = new ListScope(tree, tree.byName(board)!)
    const direct = await new TermIndexPostSearch(POST_SEARCH_DEFAULTS).indexedPage(
      scope,
      phrase,
      Promise.resolve([]),
      { size: 10, page: 1, afterId: null }
    )
    assert.deepEqual(direct, {
      ids: [inContent, longer, adjacent],
      total: 3,
      totalRelation: 'eq',
    })
  }).skip(!onMariaDb(), 'the term index is MariaDB only')

  test('a phrase of common words is read newest first with a lower-bound total', async ({
    client,
    assert,
  }) => {
    const { board, category } = await createBoard()
    const author = await signedInUser(client)
    const first = uniqueName('one')
    const second = uniqueName('two')
    const titles = [1, 2, 3, 4, 5].map((n) => `${first} ${second} ${n}`)
    const matches = await createPostsTitled(client, author, category, titles)
    await createPostsTitled(client, author, category, [
      `${second} ${first}`,
      `${first} x ${second}`,
    ])
    const newestFirst = matches.reverse()
    // Every word counts as common: the page is read newest first.
    const list = new ListPosts(postSearch({ phraseReadAll: 0 }))
    const keyword = `${first} ${second}`
    const ids = (page: { post_list: { id: number }[] }) => page.post_list.map((post) => post.id)

    const top = await list.handle(board, keyword, { size: 2, page: 1, afterId: null })
    assert.deepEqual(ids(top), newestFirst.slice(0, 2))
    assert.equal(top.total_relation, 'gte')
    assert.equal(top.total, 3)
    const next = await list.handle(board, keyword, { size: 2, page: 1, afterId: newestFirst[1] })
    assert.deepEqual(ids(next), newestFirst.slice(2, 4))
    const last = await list.handle(board, keyword, { size: 2, page: 3, afterId: null })
    assert.deepEqual(ids(last), newestFirst.slice(4))
    assert.equal(last.total, 5)
    assert.equal(last.total_relation, 'eq', 'read to the end from the top: exact')
    assert.isNull(last.next_cursor)
  }).skip(!onMariaDb(), 'the term index is MariaDB only')
})
