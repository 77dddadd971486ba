import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { SetPassword } from '#accounts/actions/set_password'
import { AppException } from '#core/exceptions/app_exception'
import { runSafely } from '#core/cli/run_safely'
import { setPasswordValidator } from '#accounts/validators/account_validators'

export default class UserPassword extends BaseCommand {
  static commandName = 'user:password'
  static description =
    "Set a user's password (prompted unless --password is given); signs the user out everywhere"
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'User id, name or email' })
  declare user: string

  @flags.string({ description: 'New password (prompted twice when omitted)' })
  declare password?: string

  async run() {
    await runSafely(this, async () => {
      if (this.password === undefined && !process.stdin.isTTY) {
        // A prompt without a terminal reads nothing and would end "successfully".
        throw AppException.unprocessable(
          'No password: pass --password=... (or run the command in a terminal to be asked)'
        )
      }
      let password = this.password
      if (password === undefined) {
        password = await this.prompt.secure('New password')
        const again = await this.prompt.secure('The same password again')
        if (again !== password) throw AppException.unprocessable('The two passwords differ')
      }
      await setPasswordValidator.validate({ password })
      const user = await new SetPassword().handle(this.user, password)
      this.logger.success(`Password of "${user.name}" set; every session of the account ended`)
    })
  }
}
