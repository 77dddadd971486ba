import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/**
 * The search port: narrows a posts query (aliased `p`) to posts whose
 * author name, current title or current content match a keyword. Adapters
 * differ in how they find matches, not in what a list looks like.
 */
export interface SearchFilter {
  readonly name: string
  apply(query: DatabaseQueryBuilderContract, keyword: string): void
}
