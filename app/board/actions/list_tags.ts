import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { allowedTags } from '#board/services/post_tags'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import type { CallerKind } from '#board/domain/category_access'

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
 *
 * Category permissions: for a caller who may not read some categories, the
 * tags of their posts are counted (post_tags by (category_id, tag)) and
 * taken off; the counters' top 50 + H (H: the tags so reduced) is read, so
 * the 50 kept are exactly the caller's top 50 (a tag beyond that range
 * counts no more than the at least 50 unreduced ones within it).
 */
export class ListTags {
  async handle(prefix = '', kind: CallerKind = 'anonymous'): Promise<TagCount[]> {
    const hidden = await hiddenTagCounts(prefix, kind)
    const rows = await withPrefix(db.from('tags'), 'name', prefix)
      .where('post_count', '>', 0)
      .orderBy('post_count', 'desc')
      .orderBy('name', 'asc')
      .limit(MAX_TAGS_LISTED + hidden.size)
      .select('name', 'post_count')
    const counted: TagCount[] = rows
      .map((row) => ({
        name: row.name,
        count: Number(row.post_count) - (hidden.get(row.name) ?? 0),
      }))
      .filter((tag) => tag.count > 0)
    // Ties by code point: the databases' collations place `_` and `-` differently.
    counted.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
    const used = counted.slice(0, MAX_TAGS_LISTED)
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

/**
 * Narrows to names that start with `prefix`: a range of the index (LIKE
 * alone is not one on SQLite), LIKE for the exact rule; `_` would match any
 * character in LIKE: escaped, with an escape both databases take.
 */
function withPrefix<Query extends DatabaseQueryBuilderContract>(
  query: Query,
  column: string,
  prefix: string
): Query {
  if (!prefix) return query
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
  return query
    .where(column, '>=', prefix)
    .where(column, '<', next)
    .whereRaw(`${column} like ? escape '!'`, [`${prefix.replace(/[!%_]/g, '!$&')}%`])
}

/** Live posts per tag in the categories a caller of this kind may not read (none: empty). */
async function hiddenTagCounts(prefix: string, kind: CallerKind) {
  const tree = await CategoryTreeCache.get()
  const closed = tree.nodes.filter((node) => !tree.allows(kind, 'read', node)).map((n) => n.id)
  if (!closed.length) return new Map<string, number>()
  const rows = await withPrefix(db.from('post_tags'), 'tag', prefix)
    .whereIn('category_id', closed)
    .groupBy('tag')
    .select('tag')
    .count('* as total')
  return new Map(rows.map((row) => [String(row.tag), Number(row.total)]))
}
