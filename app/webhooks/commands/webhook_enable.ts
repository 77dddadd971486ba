import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageWebhooks } from '#webhooks/actions/manage_webhooks'
import { runSafely } from '#core/cli/run_safely'
import { parseId } from '#core/cli/parse_id'

export default class WebhookEnable extends BaseCommand {
  static commandName = 'webhook:enable'
  static description = 'Send to a webhook again (clears its failure count)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Webhook id' })
  declare id: string

  async run() {
    await runSafely(this, async () => {
      await new ManageWebhooks().setActive(parseId(this.id), true, null)
      this.logger.success(`Webhook ${this.id} enabled`)
    })
  }
}
