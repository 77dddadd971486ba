import { couldBeInUserName } from '#accounts/domain/user_name'
import { UserNameIndex } from '#accounts/services/user_name_index'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { textOrAuthor, type SearchFilter } from '#board/search/search_filter'
import { literalTextMatch } from '#board/search/literal_text_match'

/**
 * Escaped LIKE on every database: literal substring matches (`%` and `_`
 * are plain characters), case-insensitive. Scans the candidate posts, so
 * it is the fallback, not the fast path.
 */
export class LikeSearch implements SearchFilter {
  readonly name = 'like'

  apply(query: DatabaseQueryBuilderContract, keyword: string, authorIds: number[]) {
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
}

/**
 * Users whose name contains the keyword literally (at most 1000: a keyword,
 * not a user list), through the name gram index. A keyword no name can
 * contain (a phrase, punctuation) is not looked up at all.
 */
export async function matchingAuthorIds(keyword: string): Promise<number[]> {
  if (!couldBeInUserName(keyword)) return []
  return UserNameIndex.matching(keyword, 1000)
}
