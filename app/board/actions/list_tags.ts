import db from '@adonisjs/lucid/services/db'
import { allowedTags } from '#board/services/post_tags'

/** At most this many tags in an answer (a tag picker's suggestions). */
export const MAX_TAGS_LISTED = 50

export interface TagCount {
  name: string
  /** Live posts with the tag. */
  count: number
}

/**
 * Tags that start with `prefix`, most used first (then by name), with how
 * many live posts carry each: the `tags` counters, kept in the post writes'
 * transactions, read through the primary key's range. With BOARD_TAGS set,
 * allowed tags no post has yet come last with 0, so a picker can offer them.
 */
export class ListTags {
  async handle(prefix = ''): Promise<TagCount[]> {
    const query = db.from('tags').where('post_count', '>', 0)
    if (prefix) {
      // A range of the primary key (LIKE alone is not one on SQLite), LIKE for the exact rule;
      // `_` would match any character in LIKE: escaped, with an escape both databases take.
      const next =
        prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
      query
        .where('name', '>=', prefix)
        .where('name', '<', next)
        .whereRaw(`name like ? escape '!'`, [`${prefix.replace(/[!%_]/g, '!$&')}%`])
    }
    const rows = await query
      .orderBy('post_count', 'desc')
      .orderBy('name', 'asc')
      .limit(MAX_TAGS_LISTED)
      .select('name', 'post_count')
    const used: TagCount[] = rows.map((row) => ({ name: row.name, count: Number(row.post_count) }))
    // Ties by code point: the databases' collations place `_` and `-` differently.
    used.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
    const allowed = allowedTags()
    if (!allowed) return used
    // Tags dropped from BOARD_TAGS stay on the posts that have them, and are listed while they do.
    const seen = new Set(used.map((tag) => tag.name))
    const unused = [...allowed]
      .filter((name) => name.startsWith(prefix) && !seen.has(name))
      .sort()
      .map((name) => ({ name, count: 0 }))
    return [...used, ...unused].slice(0, MAX_TAGS_LISTED)
  }
}
