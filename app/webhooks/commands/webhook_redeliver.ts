import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageWebhooks } from '#webhooks/actions/manage_webhooks'
import { runSafely } from '#core/cli/run_safely'
import { parseId } from '#core/cli/parse_id'

export default class WebhookRedeliver extends BaseCommand {
  static commandName = 'webhook:redeliver'
  static description = 'Queue a dead (or delivered) delivery again'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Delivery id (see webhook:deliveries)' })
  declare id: string

  async run() {
    await runSafely(this, async () => {
      await new ManageWebhooks().redeliver(parseId(this.id), null)
      this.logger.success(`Delivery ${this.id} queued again`)
    })
  }
}
