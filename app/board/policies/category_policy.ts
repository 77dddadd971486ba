import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import { roleAtLeast, type Actor } from '#accounts/public'

/** Who may change the category tree (reading it is public). */
export default class CategoryPolicy extends BasePolicy {
  /** Staff create, rename, move and delete categories. */
  manage(actor: Actor) {
    return (
      roleAtLeast(actor, 'moderator') || deny('Only moderators and admins may change categories')
    )
  }
}
