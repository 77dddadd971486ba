import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { CategoryNode } from '#board/domain/category_tree'
import { CategoryTreeCache } from '#board/services/category_tree_cache'

export default class CategoryTreeCommand extends BaseCommand {
  static commandName = 'category:tree'
  static description = 'Print the category tree with live post counts'
  static options: CommandOptions = { startApp: true }

  async run() {
    const tree = await CategoryTreeCache.fresh()
    const print = (node: CategoryNode, depth: number) => {
      const own = node.postCount
      const all = tree.subtreePostCount(node)
      const counts = own === all ? `${own}` : `${own}, ${all} with subcategories`
      this.logger.log(`${'  '.repeat(depth)}${node.name} (id ${node.id}): ${counts} post(s)`)
      for (const child of tree.children(node.id)) print(child, depth + 1)
    }
    for (const board of tree.boards()) print(board, 0)
    if (!tree.boards().length) this.logger.info('No categories yet')
  }
}
