import { BaseSchema } from '@adonisjs/lucid/schema'

const REFILL = `INSERT INTO post_search (rowid, title, content)
  SELECT p.id, v.title, v.content FROM posts p
  JOIN post_versions v ON v.post_id = p.id AND v.version = p.current_version
  WHERE p.deleted_at IS NULL`

/**
 * SQLite only: the search table moves from FTS5's trigram tokenizer to
 * words (unicode61) with a prefix index. Trigrams matched any substring,
 * but every trigram of a word has a long posting list on a big board, so
 * even a rare word read long lists; a word prefix reads only the lists of
 * the words it starts. Accents are kept, as LIKE keeps them.
 * The rows are rebuilt from the current versions. MariaDB's FULLTEXT
 * index already works by word.
 */
export default class extends BaseSchema {
  async up() {
    if (this.db.dialect.name === 'mysql') return
    this.schema.raw('DROP TABLE IF EXISTS post_search')
    this.schema.raw(
      "CREATE VIRTUAL TABLE post_search USING fts5(title, content, tokenize = 'unicode61 remove_diacritics 0', prefix = '3')"
    )
    this.schema.raw(REFILL)
  }

  async down() {
    if (this.db.dialect.name === 'mysql') return
    this.schema.raw('DROP TABLE IF EXISTS post_search')
    this.schema.raw(
      "CREATE VIRTUAL TABLE post_search USING fts5(title, content, tokenize = 'trigram case_sensitive 0')"
    )
    this.schema.raw(REFILL)
  }
}
