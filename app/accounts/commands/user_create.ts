import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ROLE_NAMES, type RoleName } from '#accounts/models/role'
import { signupValidator } from '#accounts/validators/account_validators'
import { RegisterUser } from '#accounts/actions/register_user'
import { AppException } from '#core/exceptions/app_exception'
import { runSafely } from '#core/cli/run_safely'

export default class UserCreate extends BaseCommand {
  static commandName = 'user:create'
  static description = 'Create an account (the password is prompted unless --password is given)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Name (letters and digits)' })
  declare name: string

  @args.string({ description: 'Email address' })
  declare email: string

  @flags.string({ description: `Role: ${ROLE_NAMES.join(', ')}`, default: 'user' })
  declare role: string

  @flags.string({ description: 'Password (prompted when omitted)' })
  declare password?: string

  async run() {
    await runSafely(this, async () => {
      if (!ROLE_NAMES.includes(this.role as RoleName)) {
        throw AppException.unprocessable(
          `Unknown role "${this.role}"; use one of ${ROLE_NAMES.join(', ')}`
        )
      }
      if (this.password === undefined && !process.stdin.isTTY) {
        // A prompt without a terminal reads nothing and would end "successfully".
        throw AppException.unprocessable(
          'No password: pass --password=... (or run the command in a terminal to be asked)'
        )
      }
      const password = this.password ?? (await this.prompt.secure('Password'))
      const payload = await signupValidator.validate({
        name: this.name,
        email: this.email,
        password,
        password_confirmation: password,
      })
      // An operator vouches for the address: the account starts verified, without a mail.
      const user = await new RegisterUser().handle({
        ...payload,
        role: this.role as RoleName,
        verified: true,
      })
      this.logger.success(`Created ${this.role} "${user.name}" (id ${user.id})`)
    })
  }
}
