import db from '@adonisjs/lucid/services/db'
import { CategoryTreeCache, ContentFacts } from '#board/public'
import { AppException } from '#core/exceptions/app_exception'
import { sqlNow } from '#core/database/sql_now'

type Target = 'post' | 'category'

/**
 * Who watches what (`notification_watches`). Authors watch their own posts
 * without a row; an author who stops watching gets a `muted` row instead.
 */
export class Watches {
  /** Whether the member watches the post (its author does unless they muted it). */
  static async isWatchingPost(userId: number, postId: number) {
    const post = await ContentFacts.post(postId)
    if (!post || post.deleted) throw AppException.notFound('Post')
    const row = await watchLevel('post', postId, userId)
    return { watching: row ? row === 'watching' : post.userId === userId }
  }

  static async isWatchingCategory(userId: number, name: string) {
    return {
      watching: (await watchLevel('category', await categoryId(name), userId)) === 'watching',
    }
  }

  static async watchPost(userId: number, postId: number) {
    const post = await ContentFacts.post(postId)
    if (!post || post.deleted) throw AppException.notFound('Post')
    if (post.userId === userId) await remove('post', postId, userId)
    else await put('post', postId, userId, 'watching')
    return { watching: true }
  }

  static async unwatchPost(userId: number, postId: number) {
    const post = await ContentFacts.post(postId)
    if (!post || post.deleted) throw AppException.notFound('Post')
    if (post.userId === userId) await put('post', postId, userId, 'muted')
    else await remove('post', postId, userId)
    return { watching: false }
  }

  static async watchCategory(userId: number, name: string) {
    await put('category', await categoryId(name), userId, 'watching')
    return { watching: true }
  }

  static async unwatchCategory(userId: number, name: string) {
    await remove('category', await categoryId(name), userId)
    return { watching: false }
  }

  /** Whether the post's author muted it (they watch it otherwise). */
  static async authorMuted(postId: number, authorId: number) {
    const row = await db
      .from('notification_watches')
      .where({ target: 'post', target_id: postId, user_id: authorId, level: 'muted' })
      .first()
    return Boolean(row)
  }

  /** The next batch of a post's watchers (rows, not the author's implicit watch), by user id. */
  static async postWatchers(postId: number, afterUserId: number, limit: number) {
    const rows = await db
      .from('notification_watches')
      .where({ target: 'post', target_id: postId, level: 'watching' })
      .where('user_id', '>', afterUserId)
      .orderBy('user_id', 'asc')
      .limit(limit)
      .select('user_id')
    return rows.map((row) => Number(row.user_id))
  }

  /** The next batch of members watching any of the categories, by user id. */
  static async categoryWatchers(categoryIds: number[], afterUserId: number, limit: number) {
    const rows = await db
      .from('notification_watches')
      .where('target', 'category')
      .whereIn('target_id', categoryIds)
      .where('level', 'watching')
      .where('user_id', '>', afterUserId)
      .orderBy('user_id', 'asc')
      .limit(limit)
      .distinct('user_id')
    return rows.map((row) => Number(row.user_id))
  }
}

async function watchLevel(target: Target, targetId: number, userId: number) {
  const row = await db
    .from('notification_watches')
    .where({ target, target_id: targetId, user_id: userId })
    .select('level')
    .first()
  return row ? String(row.level) : null
}

async function categoryId(name: string) {
  const tree = await CategoryTreeCache.get()
  const node = tree.byName(name)
  if (!node) throw AppException.notFound('Category')
  return node.id
}

/** An upsert: two requests at once leave one row. */
async function put(target: Target, targetId: number, userId: number, level: string) {
  await db
    .connection()
    .getWriteClient()
    .table('notification_watches')
    .insert({ target, target_id: targetId, user_id: userId, level, created_at: sqlNow() })
    .onConflict(['target', 'target_id', 'user_id'])
    .merge(['level'])
}

async function remove(target: Target, targetId: number, userId: number) {
  await db
    .from('notification_watches')
    .where({ target, target_id: targetId, user_id: userId })
    .delete()
}
