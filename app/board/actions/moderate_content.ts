import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Post from '#board/models/post'
import Comment from '#board/models/comment'
import PostVersion from '#board/models/post_version'
import { sqlNow } from '#core/database/sql_now'
import { forUpdate } from '#core/database/for_update'
import { withAuthorName } from '#accounts/public'
import { BoardCache } from '#board/services/board_cache'
import { SearchIndex } from '#board/search/post_search'
import { PostTags, tagsOf } from '#board/services/post_tags'
import { recomputeActivity } from '#board/services/post_activity'
import { authorName } from '#board/transformers/post_json'

export type ModeratedKind = 'post' | 'comment'

export interface ModeratedTarget {
  kind: ModeratedKind
  id: number
  /** The author. */
  userId: number
  /** The post itself, or the comment's post. */
  postId: number
  author: string
  /** Null for a comment. */
  title: string | null
  content: string
  /** Shown to everyone: neither deleted nor hidden, on a live post. */
  live: boolean
  /** Hidden by moderation until a moderator decides. */
  hidden: boolean
}

/**
 * What the moderation plugin may do to posts and comments, in its own
 * transaction: hide (members' reports reached the limit), show again,
 * delete. Hidden content carries deleted_at as well as hidden_at, so every
 * public path (lists, reads, search, comments, votes, counters) leaves it
 * out through the filters and indexes it already has; the list queries do
 * not change. Caches are dropped once the transaction commits.
 */
export class ModerateContent {
  /** A post or comment, live or not, with its text and author; null when it never existed. */
  static async find(kind: ModeratedKind, id: number): Promise<ModeratedTarget | null> {
    if (kind === 'post') {
      const query = db
        .from('posts as p')
        .join('post_versions as v', (join) => {
          join.on('v.post_id', '=', 'p.id').andOn('v.version', '=', 'p.current_version')
        })
        .where('p.id', id)
        .select('p.id', 'p.user_id', 'p.deleted_at', 'p.hidden_at', 'v.title', 'v.content')
      const row = await withAuthorName(query, 'p.user_id').first()
      if (!row) return null
      return {
        kind,
        id,
        userId: Number(row.user_id),
        postId: id,
        author: authorName(row.author_name, row.author_deleted_at),
        title: row.title,
        content: row.content,
        live: !row.deleted_at,
        hidden: Boolean(row.hidden_at),
      }
    }
    const query = db
      .from('comments as c')
      .join('comment_versions as v', (join) => {
        join.on('v.comment_id', '=', 'c.id').andOn('v.version', '=', 'c.current_version')
      })
      .join('posts as p', 'p.id', 'c.post_id')
      .where('c.id', id)
      .select('c.id', 'c.user_id', 'c.post_id', 'c.deleted_at', 'c.hidden_at', 'v.content')
      .select('p.deleted_at as post_deleted_at')
    const row = await withAuthorName(query, 'c.user_id').first()
    if (!row) return null
    return {
      kind,
      id,
      userId: Number(row.user_id),
      postId: Number(row.post_id),
      author: authorName(row.author_name, row.author_deleted_at),
      title: null,
      content: row.content,
      live: !row.deleted_at && !row.post_deleted_at,
      hidden: Boolean(row.hidden_at),
    }
  }

  /** Hides live content until a moderator decides; false when it is not live (nothing to hide). */
  static async hide(trx: TransactionClientContract, kind: ModeratedKind, id: number) {
    return ModerateContent.#change(trx, kind, id, 'hide')
  }

  /**
   * Shows the content again: `hidden` only brings back what moderation hid
   * (a deletion stays); `any` also undoes a deletion. False when unchanged.
   */
  static async show(
    trx: TransactionClientContract,
    kind: ModeratedKind,
    id: number,
    which: 'hidden' | 'any'
  ) {
    return ModerateContent.#change(trx, kind, id, which === 'hidden' ? 'unhide' : 'restore')
  }

  /** Deletes the content (a hidden one stays deleted, no longer hidden); false when it already was. */
  static async delete(trx: TransactionClientContract, kind: ModeratedKind, id: number) {
    return ModerateContent.#change(trx, kind, id, 'delete')
  }

  static async #change(
    trx: TransactionClientContract,
    kind: ModeratedKind,
    id: number,
    change: 'hide' | 'unhide' | 'restore' | 'delete'
  ): Promise<boolean> {
    const row =
      kind === 'post'
        ? await forUpdate(Post.query({ client: trx }).where('id', id)).first()
        : await forUpdate(Comment.query({ client: trx }).where('id', id)).first()
    if (!row) return false
    const deleted = Boolean(row.deletedAt)
    const hidden = Boolean(row.hiddenAt)
    const table = kind === 'post' ? 'posts' : 'comments'
    let update: Record<string, unknown>
    let counted: -1 | 0 | 1 = 0
    if (change === 'hide') {
      if (deleted) return false
      update = { deleted_at: sqlNow(), hidden_at: sqlNow() }
      counted = -1
    } else if (change === 'unhide' || change === 'restore') {
      if (!deleted || (change === 'unhide' && !hidden)) return false
      update = { deleted_at: null, hidden_at: null }
      counted = 1
    } else {
      if (deleted && !hidden) return false
      update = deleted ? { hidden_at: null } : { deleted_at: sqlNow() }
      counted = deleted ? 0 : -1
    }
    let post: { id: number; categoryId: number; userId: number }
    if (row instanceof Post) {
      post = row
      // Counter first, as DeletePost does: on MariaDB the posts update takes a shared lock on
      // the category row, and two writes holding it could not both upgrade (deadlock).
      if (counted)
        await trx.from('categories').where('id', row.categoryId).increment('post_count', counted)
      await trx.from(table).where('id', id).update(update)
      if (counted < 0) {
        await SearchIndex.remove(trx, id)
        await PostTags.hide(trx, id, tagsOf(row.tags))
      }
      if (counted > 0) {
        await PostTags.show(trx, row, tagsOf(row.tags))
        const current = await PostVersion.query({ client: trx })
          .where({ post_id: id, version: row.currentVersion })
          .firstOrFail()
        await SearchIndex.put(trx, {
          postId: id,
          categoryId: row.categoryId,
          title: current.title,
          content: current.content,
        })
      }
    } else {
      await trx.from(table).where('id', id).update(update)
      const parent = await Post.query({ client: trx }).where('id', row.postId).firstOrFail()
      post = parent
      if (counted) {
        await trx.from('posts').where('id', row.postId).increment('comment_count', counted)
        // A hidden comment is no activity; shown again, it is (sort=activity).
        await recomputeActivity(trx, row.postId)
      }
    }

    // The content's lists, its author's, and (for a post) its commenters' lists and counts.
    const commenters =
      kind === 'post'
        ? await trx
            .from('comments')
            .where('post_id', id)
            .whereNull('deleted_at')
            .distinct('user_id')
        : []
    const members = commenters.map((r) => Number(r.user_id))
    const author = row.userId
    trx.after('commit', async () => {
      await BoardCache.postChanged(post)
      await BoardCache.membersChanged([author, ...members])
      // Plugins that follow visibility (the uploads plugin hides the content's files).
      if (counted !== 0) {
        await emitter.emit('content:visibility-changed', {
          kind,
          id,
          postId: post.id,
          visible: counted > 0,
        })
      }
    })
    return true
  }
}
