import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/**
 * Applies `textMatch` to a posts query (aliased `p`), or'ed with the
 * author ids when there are any. Kept apart because an OR over two
 * subqueries makes MariaDB scan the board, while the text match alone
 * drives the plan from the search index.
 */
export function textOrAuthor(
  query: DatabaseQueryBuilderContract,
  authorIds: number[],
  textMatch: (where: DatabaseQueryBuilderContract) => void
) {
  if (!authorIds.length) return textMatch(query)
  query.where((where) => {
    where.where((text) => textMatch(text)).orWhereIn('p.user_id', authorIds)
  })
}
