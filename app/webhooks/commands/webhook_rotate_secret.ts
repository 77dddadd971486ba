import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageWebhooks } from '#webhooks/actions/manage_webhooks'
import { runSafely } from '#core/cli/run_safely'
import { parseId } from '#core/cli/parse_id'

export default class WebhookRotateSecret extends BaseCommand {
  static commandName = 'webhook:rotate-secret'
  static description = 'Give a webhook a new signing secret; prints it once'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Webhook id' })
  declare id: string

  async run() {
    await runSafely(this, async () => {
      const { secret } = await new ManageWebhooks().rotateSecret(parseId(this.id), null)
      this.logger.success(`New signing secret for webhook ${this.id}: ${secret}`)
    })
  }
}
