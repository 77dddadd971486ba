import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageCategories } from '#board/actions/manage_categories'
import { runSafely } from '#core/cli/run_safely'

export default class CategoryRename extends BaseCommand {
  static commandName = 'category:rename'
  static description = 'Rename a category'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Current name' })
  declare name: string

  @args.string({ description: 'New name' })
  declare newName: string

  async run() {
    await runSafely(this, async () => {
      await new ManageCategories().rename(this.name, this.newName)
      this.logger.success(`Renamed "${this.name}" to "${this.newName}"`)
    })
  }
}
