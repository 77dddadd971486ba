import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageCategories } from '#board/actions/manage_categories'
import { runSafely } from '#core/cli/run_safely'

export default class CategoryCreate extends BaseCommand {
  static commandName = 'category:create'
  static description = 'Create a category (a board when it has no parent)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Name: lowercase letters, digits, - and _' })
  declare name: string

  @flags.string({ description: 'Parent category (omit to create a board)' })
  declare parent?: string

  async run() {
    await runSafely(this, async () => {
      const node = await new ManageCategories().create(this.name, this.parent)
      this.logger.success(
        `Created ${this.parent ? `"${node.name}" under "${this.parent}"` : `board "${node.name}"`}`
      )
    })
  }
}
