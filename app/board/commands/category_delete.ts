import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageCategories } from '#board/actions/manage_categories'
import { AppException } from '#core/exceptions/app_exception'
import { runSafely } from '#core/cli/run_safely'

export default class CategoryDelete extends BaseCommand {
  static commandName = 'category:delete'
  static description = 'Delete an empty category; with --force --move-to its posts move first'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Category to delete' })
  declare name: string

  @flags.boolean({ description: 'Delete even when it has posts (requires --move-to)' })
  declare force?: boolean

  @flags.string({ description: 'Category that receives the posts' })
  declare moveTo?: string

  async run() {
    await runSafely(this, async () => {
      if (this.force && !this.moveTo)
        throw AppException.unprocessable('--force needs --move-to=<category>')
      await new ManageCategories().delete(this.name, this.force ? this.moveTo : undefined)
      this.logger.success(
        `Deleted "${this.name}"${this.force ? `; its posts moved to "${this.moveTo}"` : ''}`
      )
    })
  }
}
