import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ListDeliveries } from '#webhooks/actions/list_deliveries'
import { runSafely } from '#core/cli/run_safely'

export default class WebhookDeliveries extends BaseCommand {
  static commandName = 'webhook:deliveries'
  static description = 'The delivery log, newest first'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Only this webhook' })
  declare webhook?: number

  @flags.string({ description: 'Only pending, delivered or dead' })
  declare status?: string

  @flags.number({ description: 'How many (default 20, at most 100)', default: 20 })
  declare limit: number

  async run() {
    await runSafely(this, async () => {
      const { total, deliveries } = await new ListDeliveries().handle(
        { subscription_id: this.webhook, status: this.status, size: this.limit },
        null
      )
      const table = this.ui.table()
      table.head([
        'id',
        'webhook',
        'event',
        'status',
        'attempts',
        'last',
        'next attempt',
        'created',
      ])
      for (const row of deliveries) {
        table.row([
          String(row.id),
          String(row.subscription_id),
          row.event,
          row.status,
          String(row.attempts),
          row.last_error ?? (row.last_status_code ? `HTTP ${row.last_status_code}` : ''),
          row.next_attempt_at ?? '',
          row.created_at ?? '',
        ])
      }
      table.render()
      this.logger.info(`${deliveries.length} of ${total} deliver(y/ies)`)
    })
  }
}
