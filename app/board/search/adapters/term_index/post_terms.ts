import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { insertRows } from '#core/database/insert_rows'
import { termsOf } from '#board/search/adapters/term_index/search_terms'

export interface TermSource {
  postId: number
  categoryId: number
  title: string
  content: string
}

/**
 * MariaDB's term index: one `post_terms` row (term, post_id, category_id)
 * per distinct word of a live post's current title and content, keyed by
 * (term, post_id). InnoDB FULLTEXT spent time on every post a word occurs
 * in, whatever the page, and cannot read its matches newest first; this
 * key reads one word's posts newest first and counts them from the index
 * alone (docs/board.md). Kept in step inside the post write's transaction
 * by SearchIndex; SQLite uses FTS5 instead.
 */
export class PostTerms {
  /** Indexes a post's text, replacing `previous` (the text indexed so far, if any). */
  static async put(
    trx: QueryClientContract,
    source: TermSource,
    previous?: { title: string; content: string }
  ) {
    const before = new Set(previous ? termsOf(previous.title, previous.content) : [])
    const now = termsOf(source.title, source.content)
    const kept = new Set(now)
    await PostTerms.#delete(
      trx,
      source.postId,
      [...before].filter((term) => !kept.has(term))
    )
    const added = now.filter((term) => !before.has(term))
    await insertRows(
      trx,
      'post_terms',
      added.map((term) => rowOf(term, source))
    )
  }

  /** Removes a post's terms, given the text they were built from. */
  static async remove(
    trx: QueryClientContract,
    postId: number,
    indexed: { title: string; content: string }
  ) {
    await PostTerms.#delete(trx, postId, termsOf(indexed.title, indexed.content))
  }

  /** Indexes many new posts at once (seeding, rebuilding). */
  static async putMany(client: QueryClientContract, sources: TermSource[], table = 'post_terms') {
    const rows = sources.flatMap((source) =>
      termsOf(source.title, source.content).map((term) => rowOf(term, source))
    )
    await insertRows(client, table, rows)
  }

  /** Posts moved to another category keep their terms under the new one. */
  static async moveCategory(trx: QueryClientContract, postIds: number[], categoryId: number) {
    for (let from = 0; from < postIds.length; from += 500) {
      const texts = await trx
        .from('post_search')
        .whereIn('post_id', postIds.slice(from, from + 500))
        .select('post_id', 'title', 'content')
      for (const text of texts) {
        const terms = termsOf(text.title, text.content)
        if (!terms.length) continue
        await trx
          .from('post_terms')
          .whereIn('term', terms)
          .where('post_id', text.post_id)
          .update({ category_id: categoryId })
      }
    }
  }

  /**
   * Builds the whole index again from `post_search` (the migration that
   * introduces it, demo:seed) into a new table that then replaces the old
   * one. Rows are appended without a key and sorted once when the key is
   * added: inserting a large board's rows into the (term, post_id) key one
   * batch at a time was several times slower. A post written while it runs keeps
   * its terms only in the table being replaced: run it while writes pause.
   */
  static async rebuild(client: QueryClientContract = db.connection(), batch = 5000) {
    await client.rawQuery('drop table if exists post_terms_next')
    await client.rawQuery(termTable('post_terms_next', false))
    let after = 0
    let posts = 0
    for (;;) {
      const rows = await client
        .from('post_search as s')
        .join('posts as p', 'p.id', 's.post_id')
        .where('s.post_id', '>', after)
        .orderBy('s.post_id')
        .limit(batch)
        .select('s.post_id', 'p.category_id', 's.title', 's.content')
      if (!rows.length) break
      const sources = rows.map((row) => ({
        postId: Number(row.post_id),
        categoryId: Number(row.category_id),
        title: String(row.title),
        content: String(row.content),
      }))
      await PostTerms.putMany(client, sources, 'post_terms_next')
      posts += rows.length
      after = sources[sources.length - 1].postId
    }
    // Sorting a large board's terms outlasts any request: no MYSQL_STATEMENT_TIMEOUT_MS for this one.
    await client.rawQuery(
      'set statement max_statement_time = 0 for alter table post_terms_next add primary key (term, post_id)'
    )
    // The first build has no table to replace yet.
    await client.rawQuery(termTable('post_terms', true))
    await client.rawQuery('drop table if exists post_terms_old')
    await client.rawQuery(
      'rename table post_terms to post_terms_old, post_terms_next to post_terms'
    )
    await client.rawQuery('drop table post_terms_old')
    return posts
  }

  static async #delete(trx: QueryClientContract, postId: number, terms: string[]) {
    if (!terms.length) return
    await trx.from('post_terms').whereIn('term', terms).where('post_id', postId).delete()
  }
}

interface TermRow {
  term: string
  post_id: number
  category_id: number
}

function rowOf(term: string, source: TermSource): TermRow {
  return { term, post_id: source.postId, category_id: source.categoryId }
}

/** The term table's DDL; `keyed` false for a bulk load that adds the key afterwards. */
function termTable(name: string, keyed: boolean) {
  return `create table if not exists ${name} (
    term varchar(64) character set utf8mb4 collate utf8mb4_bin not null,
    post_id int unsigned not null,
    category_id int unsigned not null${keyed ? ',\n    primary key (term, post_id)' : ''}
  )`
}
