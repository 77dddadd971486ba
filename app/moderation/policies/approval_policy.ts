import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import { roleAtLeast, type Actor } from '#accounts/public'

/** Who works the approval queue, and who never waits in it. */
export default class ApprovalPolicy extends BasePolicy {
  /** Moderators and admins list, approve and reject waiting posts. */
  decide(actor: Actor) {
    return roleAtLeast(actor, 'moderator') || deny('Moderators and admins only')
  }

  /** Staff posts are published at once, whatever their count (Discourse: staff skip the queue). */
  skipQueue(actor: Actor) {
    return roleAtLeast(actor, 'moderator')
  }
}
