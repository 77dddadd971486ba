import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import { AppException } from '#core/exceptions/app_exception'
import { isBlocked, roleAtLeast, type AuthUser } from '#accounts/public'
import type { CallerKind } from '#board/domain/category_access'
import type { CategoryNode, CategoryTree } from '#board/domain/category_tree'

/** Who reads: the signed-in user of the request, or null for an anonymous one. */
export type Reader = (Pick<AuthUser, 'id' | 'role'> & Partial<Pick<AuthUser, 'states'>>) | null

/**
 * A caller's kind for category rights: staff are moderators, a signed-in
 * member who is not blocked a member, anyone else (a blocked member too)
 * anonymous.
 */
export function callerKind(reader: Reader): CallerKind {
  if (!reader || isBlocked({ states: reader.states ?? [] })) return 'anonymous'
  return roleAtLeast(reader, 'moderator') ? 'moderator' : 'member'
}

/**
 * A category the caller may not read does not exist for them (Discourse's
 * category security): 404 with the same body as a missing `what`.
 */
export function assertReadable(
  reader: Reader,
  tree: CategoryTree,
  node: CategoryNode | undefined,
  what: string
): asserts node is CategoryNode {
  if (!node || !tree.allows(callerKind(reader), 'read', node)) throw AppException.notFound(what)
}

/** Who may post and comment in a category (reading is assertReadable's: a 404, not a 403). */
export default class CategoryAccessPolicy extends BasePolicy {
  post(actor: Reader & object, tree: CategoryTree, node: CategoryNode) {
    return (
      tree.allows(callerKind(actor), 'post', node) ||
      deny(`You may not post in "${node.name}"`, { code: 'E_CATEGORY_POST_FORBIDDEN' })
    )
  }

  comment(actor: Reader & object, tree: CategoryTree, node: CategoryNode) {
    return (
      tree.allows(callerKind(actor), 'comment', node) ||
      deny(`You may not comment in "${node.name}"`, { code: 'E_CATEGORY_COMMENT_FORBIDDEN' })
    )
  }
}
