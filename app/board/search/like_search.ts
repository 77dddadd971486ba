import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { LIKE_ESCAPE, containsPattern } from '#core/database/escape_like'
import type { SearchFilter } from '#board/search/search_filter'

/**
 * Escaped LIKE on every database: literal substring matches (`%` and `_`
 * are plain characters), case-insensitive. Scans the candidate posts, so
 * it is the fallback, not the fast path.
 */
export class LikeSearch implements SearchFilter {
  readonly name = 'like'

  apply(query: DatabaseQueryBuilderContract, keyword: string) {
    const pattern = containsPattern(keyword)
    query.where((where) => {
      where
        .whereExists((sub) => {
          sub
            .from('post_versions as sv')
            .whereRaw('sv.post_id = p.id and sv.version = p.current_version')
            .where((text) => {
              text
                .whereRaw('sv.title like ? escape ?', [pattern, LIKE_ESCAPE])
                .orWhereRaw('sv.content like ? escape ?', [pattern, LIKE_ESCAPE])
            })
        })
        .orWhereExists((sub) => authorMatches(sub, pattern))
    })
  }
}

/** Author names are few and short: a LIKE on users serves every adapter. */
export function authorMatches(sub: DatabaseQueryBuilderContract, pattern: string) {
  sub
    .from('users as su')
    .whereRaw('su.id = p.user_id')
    .whereRaw('su.name like ? escape ?', [pattern, LIKE_ESCAPE])
}
