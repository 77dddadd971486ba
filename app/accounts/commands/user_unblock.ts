import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { SetUserBlocked } from '#accounts/actions/set_user_blocked'
import { AppException } from '#core/exceptions/app_exception'
import { findUser } from '#accounts/services/find_user'
import { runSafely } from '#core/cli/run_safely'

export default class UserUnblock extends BaseCommand {
  static commandName = 'user:unblock'
  static description = 'Lift a block'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'User id, name or email' })
  declare user: string

  async run() {
    await runSafely(this, async () => {
      const user = await findUser(this.user)
      if (!user) throw AppException.notFound(`User "${this.user}"`)
      await new SetUserBlocked().unblock(user.id, null)
      this.logger.success(`Unblocked "${user.name}"`)
    })
  }
}
