import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import { roleAtLeast, type Actor } from '#accounts/public'

/** Who may report content and who works the report queue. */
export default class ReportPolicy extends BasePolicy {
  /** Any member, on someone else's content. */
  report(actor: Actor, target: { userId: number }) {
    return actor.id !== target.userId || deny('You cannot report your own content')
  }

  /** Moderators and admins read and resolve reports. */
  moderate(actor: Actor) {
    return roleAtLeast(actor, 'moderator') || deny('Moderators and admins only')
  }
}
