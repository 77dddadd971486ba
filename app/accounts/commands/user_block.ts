import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { SetUserBlocked } from '#accounts/actions/set_user_blocked'
import { AppException } from '#core/exceptions/app_exception'
import { findUser } from '#accounts/services/find_user'
import { runSafely } from '#core/cli/run_safely'

export default class UserBlock extends BaseCommand {
  static commandName = 'user:block'
  static description = 'Block a user: login and every authenticated request answer 403'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'User id, name or email' })
  declare user: string

  @flags.string({ description: 'Reason, shown to moderators' })
  declare reason?: string

  async run() {
    await runSafely(this, async () => {
      const user = await findUser(this.user)
      if (!user) throw AppException.notFound(`User "${this.user}"`)
      await new SetUserBlocked().block(user.id, this.reason?.slice(0, 500) ?? null, null)
      this.logger.success(`Blocked "${user.name}"`)
    })
  }
}
