import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import { roleAtLeast, type Actor } from '#accounts/public'

/** Who sees and withdraws a post waiting in the approval queue (deciding is the moderation plugin's). */
export default class PendingPostPolicy extends BasePolicy {
  /** Its author and staff read it; to everyone else it does not exist (404, not 403). */
  view(actor: Actor, post: { userId: number }) {
    return actor.id === post.userId || roleAtLeast(actor, 'moderator')
  }

  /** Its author edits it while it waits (Discourse too); staff may not (403); to others it does not exist. */
  edit(actor: Actor, post: { userId: number }) {
    if (actor.id === post.userId) return true
    if (roleAtLeast(actor, 'moderator')) return deny('Only the author may edit this post')
    return deny('Post not found', { status: 404, code: 'E_NOT_FOUND' })
  }

  /** Its author withdraws it (DELETE); staff reject it instead; to others it does not exist. */
  withdraw(actor: Actor, post: { userId: number }) {
    if (actor.id === post.userId) return true
    if (roleAtLeast(actor, 'moderator')) {
      return deny('This post awaits approval: reject it in the approval queue', {
        status: 409,
        code: 'E_PENDING_APPROVAL',
      })
    }
    return deny('Post not found', { status: 404, code: 'E_NOT_FOUND' })
  }
}
