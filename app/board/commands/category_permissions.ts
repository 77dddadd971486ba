import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageCategories } from '#board/actions/manage_categories'
import { runSafely } from '#core/cli/run_safely'
import { ACCESS_RIGHTS } from '#board/domain/category_access'

const LEVELS = 'everyone, members, moderators or inherit'

export default class CategoryPermissions extends BaseCommand {
  static commandName = 'category:permissions'
  static description =
    'Show or set who may read, post and comment in a category (everyone | members | moderators | inherit)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Category name' })
  declare name: string

  @flags.string({ description: `Who may read: ${LEVELS}` })
  declare read?: string

  @flags.string({ description: `Who may post: ${LEVELS}` })
  declare post?: string

  @flags.string({ description: `Who may comment: ${LEVELS}` })
  declare comment?: string

  async run() {
    await runSafely(this, async () => {
      // Without flags it only shows the settings (nothing written, nothing audited).
      const given = { read: this.read, post: this.post, comment: this.comment }
      const settings = Object.fromEntries(
        Object.entries(given).filter(([, value]) => value !== undefined)
      )
      const { own, access } = await new ManageCategories().setPermissions(
        this.name,
        settings as Parameters<ManageCategories['setPermissions']>[1]
      )
      this.logger.success(`Permissions of "${this.name}"`)
      for (const right of ACCESS_RIGHTS) {
        const setting = own[right] ?? 'inherit'
        this.logger.log(`${right}: ${access[right]} (${setting})`)
      }
    })
  }
}
