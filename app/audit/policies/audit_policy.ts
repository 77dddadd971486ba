import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import { roleAtLeast, type Actor } from '#accounts/public'

/** The audit log names who did what to whom: admins only. */
export default class AuditPolicy extends BasePolicy {
  read(actor: Actor) {
    return roleAtLeast(actor, 'admin') || deny('Only admins may read the audit log')
  }
}
