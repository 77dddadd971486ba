import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { PostTerms } from '#board/search/adapters/term_index/post_terms'

export interface IndexedPost {
  postId: number
  categoryId: number
  title: string
  content: string
}

/**
 * Keeps `post_search` (current title and content of live posts) in step,
 * inside the transaction of the post write, and on MariaDB the term index
 * built from it (PostTerms). FTS5 tables take `rowid`, InnoDB tables
 * `post_id`. Kept whichever adapter searches: the planner reads
 * `post_search` too, and SEARCH_ADAPTER can change between restarts.
 */
export class SearchIndex {
  static async put(trx: TransactionClientContract, post: IndexedPost) {
    if (trx.dialect.name === 'mysql') {
      const previous = await SearchIndex.#indexed(trx, post.postId)
      await PostTerms.put(trx, post, previous ?? undefined)
      const text = { title: post.title, content: post.content }
      if (previous) await trx.from('post_search').where('post_id', post.postId).update(text)
      else await trx.table('post_search').insert({ post_id: post.postId, ...text })
    } else {
      await SearchIndex.remove(trx, post.postId)
      await trx.rawQuery('insert into post_search (rowid, title, content) values (?, ?, ?)', [
        post.postId,
        post.title,
        post.content,
      ])
    }
  }

  static async remove(trx: TransactionClientContract, postId: number) {
    if (trx.dialect.name === 'mysql') {
      const previous = await SearchIndex.#indexed(trx, postId)
      if (!previous) return
      await PostTerms.remove(trx, postId, previous)
      await trx.from('post_search').where('post_id', postId).delete()
    } else {
      await trx.from('post_search').where('rowid', postId).delete()
    }
  }

  /**
   * Indexes many new posts at once (demo:seed). `terms` false leaves
   * MariaDB's term index to one rebuildTerms() afterwards, which is faster
   * when the posts are many.
   */
  static async putMany(
    trx: TransactionClientContract,
    posts: IndexedPost[],
    { terms }: { terms: boolean }
  ) {
    const mysql = trx.dialect.name === 'mysql'
    const key = mysql ? 'post_id' : 'rowid'
    await trx
      .table('post_search')
      .multiInsert(posts.map((p) => ({ [key]: p.postId, title: p.title, content: p.content })))
    if (mysql && terms) await PostTerms.putMany(trx, posts)
  }

  /**
   * MariaDB: builds the term index again from `post_search`, in bulk (the
   * migration that introduced it, demo:seed); see PostTerms.rebuild.
   * Nothing to do elsewhere. Returns the posts indexed.
   */
  static async rebuildTerms(client?: QueryClientContract) {
    const dialect = (client ?? db.connection()).dialect.name
    return dialect === 'mysql' ? PostTerms.rebuild(client) : 0
  }

  /** Posts moving to another category (a category delete): their index rows follow. */
  static async moveCategory(trx: TransactionClientContract, fromId: number, toId: number) {
    if (trx.dialect.name !== 'mysql') return
    const moved = await trx
      .from('posts')
      .where('category_id', fromId)
      .whereNull('deleted_at')
      .select('id')
    await PostTerms.moveCategory(
      trx,
      moved.map((post) => Number(post.id)),
      toId
    )
  }

  /** The text the index holds for a post, if any. */
  static async #indexed(trx: TransactionClientContract, postId: number) {
    const row = await trx
      .from('post_search')
      .where('post_id', postId)
      .select('title', 'content')
      .first()
    return row ? { title: String(row.title), content: String(row.content) } : null
  }
}
