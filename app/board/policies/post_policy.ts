import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import { hiddenByModeration } from '#board/policies/hidden_by_moderation'
import { roleAtLeast, type Actor } from '#accounts/public'

type Owned = { userId: number }
/** A post as the policy sees it: its author, and whether a moderator locked it. */
type Lockable = Owned & { lockedAt?: unknown }

const locked = () => deny('This post is locked', { status: 423, code: 'E_LOCKED' })

const awaitingApproval = () =>
  deny('This post awaits approval', { status: 409, code: 'E_PENDING_APPROVAL' })
const neverApproved = () =>
  deny('This post was never approved', { status: 409, code: 'E_NOT_APPROVED' })

/** Who may change a post (reading is public). */
export default class PostPolicy extends BasePolicy {
  /**
   * Only the author edits (moderators restore versions instead); a locked
   * post only moderators edit (Discourse's locked posts: staff only).
   */
  edit(actor: Actor, post: Lockable) {
    if (post.lockedAt && roleAtLeast(actor, 'moderator')) return true
    if (actor.id !== post.userId) return deny('Only the author may edit this post')
    return !post.lockedAt || locked()
  }

  /** New comments and votes: none on a locked post, from anyone. */
  contribute(_actor: Actor, post: Lockable) {
    return !post.lockedAt || locked()
  }

  /** Pin, unpin, lock, unlock: moderators and admins. */
  moderate(actor: Actor) {
    return roleAtLeast(actor, 'moderator') || deny('Moderators and admins only')
  }

  /**
   * Authors may delete their post unless others have commented on it (the
   * discussion would vanish under them); moderators and admins always may.
   */
  delete(actor: Actor, post: Owned, othersHaveCommented: boolean) {
    if (roleAtLeast(actor, 'moderator')) return true
    if (actor.id !== post.userId) return deny('Only the author or a moderator may delete this post')
    return (
      !othersHaveCommented ||
      deny('Others have commented on this post; a moderator can delete it', {
        status: 409,
        code: 'E_POST_HAS_COMMENTS',
      })
    )
  }

  /** The author or staff bring a deleted post back. */
  restore(
    actor: Actor,
    post: Owned & { hiddenAt?: unknown; pending?: unknown; rejectedAt?: unknown }
  ) {
    if (post.hiddenAt) return hiddenByModeration()
    // Only the approval queue publishes a held post; a rejected or withdrawn one stays unpublished.
    if (post.pending) return awaitingApproval()
    if (post.rejectedAt) return neverApproved()
    return actor.id === post.userId || roleAtLeast(actor, 'moderator')
  }

  /** The author or staff restore an old version (written as a new one); a locked post, staff. */
  restoreVersion(actor: Actor, post: Lockable) {
    if (roleAtLeast(actor, 'moderator')) return true
    if (actor.id !== post.userId) return false
    return !post.lockedAt || locked()
  }

  /** Staff list deleted posts. */
  viewDeleted(actor: Actor) {
    return roleAtLeast(actor, 'moderator') || deny('Moderators and admins only')
  }
}
