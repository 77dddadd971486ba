import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Keeps `post_search` (current title and content of live posts) in step,
 * inside the transaction of the post write. FTS5 tables take `rowid`,
 * InnoDB tables `post_id`.
 */
export class SearchIndex {
  static async put(trx: TransactionClientContract, postId: number, title: string, content: string) {
    await SearchIndex.remove(trx, postId)
    if (trx.dialect.name === 'mysql') {
      await trx.table('post_search').insert({ post_id: postId, title, content })
    } else {
      await trx.rawQuery('insert into post_search (rowid, title, content) values (?, ?, ?)', [
        postId,
        title,
        content,
      ])
    }
  }

  static async remove(trx: TransactionClientContract, postId: number) {
    const column = trx.dialect.name === 'mysql' ? 'post_id' : 'rowid'
    await trx.from('post_search').where(column, postId).delete()
  }
}
