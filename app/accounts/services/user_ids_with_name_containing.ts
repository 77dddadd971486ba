import { couldBeInUserName } from '#accounts/domain/user_name'
import { UserNameIndex } from '#accounts/services/user_name_index'

/**
 * Ids of live accounts whose name contains `fragment` literally (case and
 * accents aside), at most `limit`, read through the name gram index. A
 * fragment no name can contain (a space, punctuation) is not looked up.
 */
export async function userIdsWithNameContaining(fragment: string, limit: number) {
  if (!couldBeInUserName(fragment)) return []
  return UserNameIndex.matching(fragment, limit)
}
