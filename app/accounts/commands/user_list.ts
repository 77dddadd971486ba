import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import User from '#accounts/models/user'
import { LIKE_ESCAPE, containsPattern } from '#core/database/escape_like'

export default class UserList extends BaseCommand {
  static commandName = 'user:list'
  static description = 'List accounts with role and state'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Only names or emails containing this text' })
  declare search?: string

  @flags.string({ description: 'Only this role' })
  declare role?: string

  @flags.number({ description: 'How many (default 50)', default: 50 })
  declare limit: number

  async run() {
    const query = User.query()
      .whereNull('deleted_at')
      .preload('role')
      .preload('states', (states) => states.preload('state'))
      .orderBy('id')
      .limit(Math.min(Math.max(this.limit, 1), 1000))
    if (this.search) {
      const like = containsPattern(this.search)
      query.where((q) =>
        q
          .whereRaw('name like ? escape ?', [like, LIKE_ESCAPE])
          .orWhereRaw('email like ? escape ?', [like, LIKE_ESCAPE])
      )
    }
    if (this.role) query.whereHas('role', (roles) => roles.where('name', this.role!))

    const users = await query
    const table = this.ui.table()
    table.head(['id', 'name', 'email', 'role', 'state', 'created'])
    for (const user of users) {
      table.row([
        String(user.id),
        user.name,
        user.email,
        user.role.name,
        user.states.map((s) => s.state.name).join(',') || 'active',
        user.createdAt.toUTC().toISO()!,
      ])
    }
    table.render()
    this.logger.info(`${users.length} user(s)`)
  }
}
