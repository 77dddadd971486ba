import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { PageRequest } from '#board/domain/page_request'
import type { ListScope } from '#board/services/list_scope'
import type { PostSearch } from '#board/search/post_search'
import type { PostSearchOptions } from '#board/search/post_search_options'
import { SearchPlanner } from '#board/search/search_planner'
import { matchingAuthorIds } from '#board/search/matching_author_ids'
import { textOrAuthor } from '#board/search/text_or_author'
import { literalTextMatch } from '#board/search/literal_text_match'

/**
 * Escaped LIKE on every database: literal substring matches (`%` and `_`
 * are plain characters), case-insensitive. Its index step scans the
 * candidate posts, so it is the fallback, not the fast path; the planner
 * keeps it to the posts a page needs where it can.
 */
export class LikePostSearch implements PostSearch {
  readonly name = 'like'
  #planner: SearchPlanner

  constructor(options: PostSearchOptions) {
    this.#planner = new SearchPlanner(options, likeMatch)
  }

  page(scope: ListScope, keyword: string, page: PageRequest) {
    return this.#planner.page(scope, keyword, page, matchingAuthorIds(keyword))
  }
}

/** The LIKE's index step (IndexMatch): the current version's title or content contains the keyword. */
export function likeMatch(
  query: DatabaseQueryBuilderContract,
  keyword: string,
  authorIds: number[]
) {
  const [literal, bindings] = literalTextMatch(keyword, 'sv')
  textOrAuthor(query, authorIds, (where) => {
    where.whereExists((sub) => {
      sub
        .from('post_versions as sv')
        .whereRaw('sv.post_id = p.id and sv.version = p.current_version')
        .whereRaw(literal, bindings)
    })
  })
}
