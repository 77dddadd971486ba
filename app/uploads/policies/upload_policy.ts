import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import { roleAtLeast, type Actor } from '#accounts/public'

type Owned = { userId: number }

/** Who may see an upload's record and remove it (the files themselves are served to anyone with the URL). */
export default class UploadPolicy extends BasePolicy {
  /** The uploader and staff. */
  view(actor: Actor, upload: Owned) {
    return actor.id === upload.userId || roleAtLeast(actor, 'moderator')
  }

  /** The uploader and staff. */
  delete(actor: Actor, upload: Owned) {
    return (
      actor.id === upload.userId ||
      roleAtLeast(actor, 'moderator') ||
      deny('Only the uploader or a moderator may delete this upload')
    )
  }

  /** Everyone's uploads, their uploaders and quotas (the admin panel's page): staff. */
  browse(actor: Actor) {
    return roleAtLeast(actor, 'moderator') || deny('Only moderators and admins may browse uploads')
  }
}
