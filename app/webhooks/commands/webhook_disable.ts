import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageWebhooks } from '#webhooks/actions/manage_webhooks'
import { runSafely } from '#core/cli/run_safely'
import { parseId } from '#core/cli/parse_id'

export default class WebhookDisable extends BaseCommand {
  static commandName = 'webhook:disable'
  static description = 'Stop sending to a webhook (pending deliveries wait)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Webhook id' })
  declare id: string

  async run() {
    await runSafely(this, async () => {
      await new ManageWebhooks().setActive(parseId(this.id), false, null)
      this.logger.success(`Webhook ${this.id} disabled`)
    })
  }
}
