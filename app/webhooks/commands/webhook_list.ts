import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageWebhooks } from '#webhooks/actions/manage_webhooks'

export default class WebhookList extends BaseCommand {
  static commandName = 'webhook:list'
  static description = 'List webhook subscriptions (secrets are never shown)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const subscriptions = await new ManageWebhooks().list(null)
    const table = this.ui.table()
    table.head(['id', 'url', 'events', 'active', 'failures', 'note'])
    for (const row of subscriptions) {
      table.row([
        String(row.id),
        row.url,
        row.events.join(','),
        row.active ? 'yes' : 'no',
        String(row.consecutive_failures),
        row.disabled_reason ?? row.description ?? '',
      ])
    }
    table.render()
    this.logger.info(`${subscriptions.length} webhook(s)`)
  }
}
