import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { ListScope } from '#board/services/list_scope'
import { postsFrom } from '#board/services/post_query'
import { LIKE_ESCAPE, escapeLike } from '#core/database/escape_like'
import { foldTerm } from '#board/search/adapters/term_index/search_terms'

/**
 * A keyword prefix matching more terms than this is left to the planner
 * (a short keyword like "boa"): the page would merge that many lists.
 */
export const MAX_TERMS = 50

/** LIKE pattern for terms starting with `word` folded as the index folds it. */
export function startsWith(word: string) {
  return `${escapeLike(foldTerm(word))}%`
}

/** The terms of post_terms starting with `word`, or null beyond MAX_TERMS. */
export async function termsStartingWith(word: string): Promise<string[] | null> {
  const rows = await db
    .from('post_terms')
    .whereRaw('term like ? escape ?', [startsWith(word), LIKE_ESCAPE])
    .distinct('term')
    .limit(MAX_TERMS + 1)
  return rows.length > MAX_TERMS ? null : rows.map((row) => String(row.term))
}

/** Posts of the list by these authors, read through the list index. */
export function postsBy(authorIds: number[], scope: ListScope, beforeId: number | null) {
  const query = scope
    .apply(postsFrom(db.connection(), scope.index))
    .select('p.id as post_id')
    .whereIn('p.user_id', authorIds)
  if (beforeId) query.where('p.id', '<', beforeId)
  return query
}

/** A query from `(a) union (b) ...`: each part keeps its own ORDER BY and LIMIT. */
export function fromUnion(parts: DatabaseQueryBuilderContract[]) {
  const sql = parts.map((part) => part.toSQL())
  const query = db.query()
  const union = `(${sql.map((part) => `(${part.sql})`).join(' union ')}) as term_posts`
  query.knexQuery.from(
    query.knexQuery.client.raw(
      union,
      sql.flatMap((part) => part.bindings)
    )
  )
  return query
}

/** Newest first, at most `count` rows (each part of a union, and the union itself). */
export function newestPostIds(query: DatabaseQueryBuilderContract, count: number) {
  return query.orderBy('post_id', 'desc').limit(count)
}
