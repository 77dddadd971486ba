import { canModerate, type AuthUser } from '#accounts/public'

export type Decision = 'allow' | 'forbidden' | 'conflict'

/** Only the author edits their own post or comment (moderators restore versions instead). */
export function canEdit(actor: Pick<AuthUser, 'id'>, content: { userId: number }) {
  return actor.id === content.userId
}

/**
 * Authors may delete their post unless others have commented on it (the
 * discussion would vanish under them); moderators and admins always may.
 */
export function deletePostDecision(
  actor: Pick<AuthUser, 'id' | 'role'>,
  post: { userId: number },
  othersHaveCommented: boolean
): Decision {
  if (canModerate(actor)) return 'allow'
  if (actor.id !== post.userId) return 'forbidden'
  return othersHaveCommented ? 'conflict' : 'allow'
}

/** Authors and moderators may delete or restore a comment, and restore a post. */
export function canAuthorOrModerate(
  actor: Pick<AuthUser, 'id' | 'role'>,
  content: { userId: number }
) {
  return canModerate(actor) || actor.id === content.userId
}
