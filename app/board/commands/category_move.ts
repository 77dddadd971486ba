import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageCategories } from '#board/actions/manage_categories'
import { runSafely } from '#core/cli/run_safely'

export default class CategoryMove extends BaseCommand {
  static commandName = 'category:move'
  static description = 'Move a category with its subtree and posts (refuses cycles)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Category to move' })
  declare name: string

  @flags.string({ description: 'New parent (omit to make it a board)' })
  declare parent?: string

  async run() {
    await runSafely(this, async () => {
      await new ManageCategories().move(this.name, this.parent ?? null)
      this.logger.success(
        `Moved "${this.name}" ${this.parent ? `under "${this.parent}"` : 'to the top (a board)'}`
      )
    })
  }
}
