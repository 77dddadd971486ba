import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ROLE_NAMES, type RoleName } from '#accounts/models/role'
import { ChangeRole } from '#accounts/actions/change_role'
import { AppException } from '#core/exceptions/app_exception'
import { findUser } from '#accounts/services/find_user'
import { runSafely } from '#core/cli/run_safely'

export default class UserRole extends BaseCommand {
  static commandName = 'user:role'
  static description = `Change a user's role (${ROLE_NAMES.join(', ')})`
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'User id, name or email' })
  declare user: string

  @args.string({ description: 'New role' })
  declare role: string

  async run() {
    await runSafely(this, async () => {
      if (!ROLE_NAMES.includes(this.role as RoleName)) {
        throw AppException.unprocessable(
          `Unknown role "${this.role}"; use one of ${ROLE_NAMES.join(', ')}`
        )
      }
      const user = await findUser(this.user)
      if (!user) throw AppException.notFound(`User "${this.user}"`)
      await new ChangeRole().handle(user.id, this.role as RoleName, null)
      this.logger.success(`"${user.name}" is now ${this.role}`)
    })
  }
}
