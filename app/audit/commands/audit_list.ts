import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ListAuditEntries } from '#audit/actions/list_audit_entries'
import { runSafely } from '#core/cli/run_safely'

export default class AuditList extends BaseCommand {
  static commandName = 'audit:list'
  static description = 'Who did what to which resource and when, newest first'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Only acts of this user id' })
  declare actor?: number

  @flags.string({ description: 'An action (post.deleted) or a resource prefix (post)' })
  declare action?: string

  @flags.string({
    description: 'A resource: post, comment, user, category, upload, or type:id (post:12)',
  })
  declare resource?: string

  @flags.string({ description: 'From this date or time (ISO 8601, UTC)' })
  declare since?: string

  @flags.string({ description: 'Until this date or time (ISO 8601, UTC)' })
  declare until?: string

  @flags.number({ description: 'How many (default 50, at most 100)', default: 50 })
  declare limit: number

  async run() {
    await runSafely(this, async () => {
      const [type, id] = (this.resource ?? '').split(':')
      const { total, entries } = await new ListAuditEntries().handle(
        {
          actor_id: this.actor,
          action: this.action,
          resource_type: type || undefined,
          resource_id: id === undefined ? undefined : id,
          since: this.since,
          until: this.until,
          size: this.limit,
        },
        null
      )
      const table = this.ui.table()
      table.head(['id', 'when', 'actor', 'action', 'resource', 'details'])
      for (const entry of entries) {
        table.row([
          String(entry.id),
          entry.created_at ?? '',
          entry.actor_id === null ? 'operator' : String(entry.actor_id),
          entry.action,
          `${entry.resource_type}:${entry.resource_id ?? ''}`,
          entry.details ? JSON.stringify(entry.details) : '',
        ])
      }
      table.render()
      this.logger.info(`${entries.length} of ${total} entr(y/ies)`)
    })
  }
}
