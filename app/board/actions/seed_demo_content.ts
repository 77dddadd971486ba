import { SearchIndex, type IndexedPost } from '#board/search/post_search'
import { SeedDemoUsers } from '#accounts/public'
import db from '@adonisjs/lucid/services/db'
import { sqlNow, sqlTime } from '#core/database/sql_now'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { BoardCache } from '#board/services/board_cache'
import { DemoText } from '#board/domain/demo_text'

export const DEMO_PASSWORD = 'demo-password'

export interface DemoSize {
  users: number
  posts: number
  comments: number
  batch?: number
}

/**
 * Fills the board with realistic demo content fast: multi-row inserts in
 * batches (one transaction each), ids assigned up front so versions,
 * search rows and comments are written without reading back, and counters
 * computed in memory so they are exact without recounting.
 */
export class SeedDemoContent {
  async handle(
    size: DemoSize,
    progress: (done: number, total: number, what: string) => void = () => {}
  ) {
    // SQLite's multi-row insert compiles to a compound SELECT of at most 500 terms.
    const batch = Math.min(
      size.batch ?? 1000,
      db.connection().dialect.name === 'mysql' ? 5000 : 400
    )
    const tree = await CategoryTreeCache.fresh()
    const leaves = tree.nodes.filter((node) => tree.children(node.id).length === 0)
    if (!leaves.length) throw new Error('No categories: run db:seed first')
    const random = seededRandom(size.users * 31 + size.posts * 7 + size.comments)
    const text = new DemoText(random)

    const userIds = await new SeedDemoUsers().handle(
      { count: size.users, batch, password: DEMO_PASSWORD },
      (done, total) => progress(done, total, 'users')
    )
    const pickUser = () => userIds.first + Math.floor(random() * userIds.count)

    // Comments are spread over the new posts first, so comment_count is known at insert time.
    const firstPostId = await nextId('posts')
    const commentTargets = new Int32Array(size.comments)
    const commentCounts = new Int32Array(size.posts)
    for (let i = 0; i < size.comments && size.posts > 0; i++) {
      const post = Math.floor(random() * size.posts)
      commentTargets[i] = post
      commentCounts[post]++
    }

    // MariaDB's term index: kept per batch for a few posts, rebuilt in one bulk load (one sort
    // for the key instead of keyed inserts) when the seed at least doubles the board.
    const mysql = db.connection().dialect.name === 'mysql'
    const rebuildTerms = mysql && size.posts > (await liveSearchRows())
    const perCategory = new Map<number, number>()
    const start = Date.now() - size.posts * 60_000
    for (let from = 0; from < size.posts; from += batch) {
      const posts: Record<string, unknown>[] = []
      const versions: Record<string, unknown>[] = []
      const search: IndexedPost[] = []
      for (let i = from; i < Math.min(size.posts, from + batch); i++) {
        const id = firstPostId + i
        const category = leaves[Math.floor(random() * leaves.length)]
        perCategory.set(category.id, (perCategory.get(category.id) ?? 0) + 1)
        const userId = pickUser()
        const at = sqlTime(start + i * 60_000)
        const title = text.sentence(4, 9)
        const content = text.paragraph(20, 80)
        posts.push({
          id,
          user_id: userId,
          category_id: category.id,
          board_id: tree.root(category).id,
          current_version: 1,
          vote_count: 0,
          comment_count: commentCounts[i],
          created_at: at,
          updated_at: at,
          last_activity_at: at,
        })
        versions.push({ post_id: id, version: 1, title, content, user_id: userId, created_at: at })
        search.push({ postId: id, categoryId: category.id, title, content })
      }
      await db.transaction(async (trx) => {
        await trx.table('posts').multiInsert(posts)
        await trx.table('post_versions').multiInsert(versions)
        await SearchIndex.putMany(trx, search, { terms: !rebuildTerms })
      })
      progress(Math.min(size.posts, from + batch), size.posts, 'posts')
    }

    if (rebuildTerms) {
      progress(0, 1, 'search terms')
      await SearchIndex.rebuildTerms()
      progress(1, 1, 'search terms')
    }

    await db.transaction(async (trx) => {
      for (const [categoryId, count] of perCategory) {
        await trx.from('categories').where('id', categoryId).increment('post_count', count)
      }
    })

    const firstCommentId = await nextId('comments')
    for (let from = 0; from < size.comments; from += batch) {
      const comments: Record<string, unknown>[] = []
      const versions: Record<string, unknown>[] = []
      const commented = new Set<number>()
      // One time per batch: the batch's posts get it as their activity, exactly their newest comment's.
      const at = sqlNow()
      for (let i = from; i < Math.min(size.comments, from + batch); i++) {
        const id = firstCommentId + i
        const userId = pickUser()
        commented.add(firstPostId + commentTargets[i])
        comments.push({
          id,
          post_id: firstPostId + commentTargets[i],
          user_id: userId,
          current_version: 1,
          vote_count: 0,
          created_at: at,
          updated_at: at,
        })
        versions.push({
          comment_id: id,
          version: 1,
          content: text.paragraph(5, 30),
          user_id: userId,
          created_at: at,
        })
      }
      await db.transaction(async (trx) => {
        await trx.table('comments').multiInsert(comments)
        await trx.table('comment_versions').multiInsert(versions)
        const postIds = [...commented]
        for (let i = 0; i < postIds.length; i += 500) {
          await trx
            .from('posts')
            .whereIn('id', postIds.slice(i, i + 500))
            .update({ last_activity_at: at })
        }
      })
      progress(Math.min(size.comments, from + batch), size.comments, 'comments')
    }

    await BoardCache.treeChanged()
    return { users: size.users, posts: size.posts, comments: size.comments }
  }
}

async function nextId(table: string) {
  const row = await db.from(table).max('id as max').first()
  return Number(row?.max ?? 0) + 1
}

async function liveSearchRows() {
  const row = await db.from('post_search').count('* as total').first()
  return Number(row?.total ?? 0)
}

/** Deterministic for a given size, so benchmark datasets are reproducible. */
function seededRandom(seed: number) {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4294967296
  }
}
