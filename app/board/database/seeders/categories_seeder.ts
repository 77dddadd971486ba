import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { sqlNow } from '#core/database/sql_now'

/** The seed boards and categories (docs/api.md); existing names are left alone: safe to rerun. */
const TREE: Record<string, string[]> = {
  qna: ['career', 'tech'],
  community: ['life', 'news'],
}

export default class CategoriesSeeder extends BaseSeeder {
  static environment = ['development', 'production', 'test']

  async run() {
    let boardPosition = 0
    for (const [board, children] of Object.entries(TREE)) {
      const boardId = await this.ensure(board, null, 0, boardPosition++)
      let position = 0
      for (const child of children) await this.ensure(child, boardId, 1, position++)
    }
  }

  private async ensure(name: string, parentId: number | null, tier: number, position: number) {
    const existing = await this.client.from('categories').where('name', name).first()
    if (existing) return Number(existing.id)
    const now = sqlNow()
    const [id] = await this.client.table('categories').insert({
      name,
      parent_id: parentId,
      tier,
      position,
      post_count: 0,
      created_at: now,
      updated_at: now,
    })
    return Number(id)
  }
}
