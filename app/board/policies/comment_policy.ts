import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import { hiddenByModeration } from '#board/policies/hidden_by_moderation'
import { roleAtLeast, type Actor } from '#accounts/public'

type Owned = { userId: number }

/** Who may change a comment (any signed-in user may write one on a live post). */
export default class CommentPolicy extends BasePolicy {
  /** Only the author edits. */
  edit(actor: Actor, comment: Owned) {
    return actor.id === comment.userId || deny('Only the author may edit this comment')
  }

  /** The author or staff delete. */
  delete(actor: Actor, comment: Owned) {
    return actor.id === comment.userId || roleAtLeast(actor, 'moderator')
  }

  /** The author or staff restore. */
  restore(actor: Actor, comment: Owned & { hiddenAt?: unknown }) {
    if (comment.hiddenAt) return hiddenByModeration()
    return actor.id === comment.userId || roleAtLeast(actor, 'moderator')
  }

  /** Staff list deleted comments. */
  viewDeleted(actor: Actor) {
    return roleAtLeast(actor, 'moderator') || deny('Moderators and admins only')
  }
}
