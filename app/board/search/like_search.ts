import db from '@adonisjs/lucid/services/db'
import { couldBeInUserName } from '#accounts/domain/user_name'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { LIKE_ESCAPE, containsPattern } from '#core/database/escape_like'
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
 * not a user list). The LIKE scans every name, so a keyword no name can
 * contain (a phrase, punctuation) skips it.
 */
export async function matchingAuthorIds(keyword: string): Promise<number[]> {
  if (!couldBeInUserName(keyword)) return []
  const rows = await db
    .from('users')
    .whereRaw('name like ? escape ?', [containsPattern(keyword), LIKE_ESCAPE])
    .whereNull('deleted_at')
    .limit(1000)
    .select('id')
  return rows.map((row) => Number(row.id))
}
