import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ManageWebhooks } from '#webhooks/actions/manage_webhooks'
import { WEBHOOK_EVENTS } from '#webhooks/domain/webhook_events'
import { runSafely } from '#core/cli/run_safely'

export default class WebhookCreate extends BaseCommand {
  static commandName = 'webhook:create'
  static description = 'Subscribe a URL to events; prints the signing secret once'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'http(s) URL that receives the POSTs' })
  declare url: string

  @flags.array({
    description: `Events (repeat or comma separate), or "*": ${WEBHOOK_EVENTS.join(', ')}`,
  })
  declare events?: string[]

  @flags.string({ description: 'Signing secret (16+ characters; generated when omitted)' })
  declare secret?: string

  @flags.string({ description: 'A note for operators' })
  declare description?: string

  async run() {
    await runSafely(this, async () => {
      const events = (this.events ?? []).flatMap((value) => value.split(',')).map((e) => e.trim())
      const { subscription, secret } = await new ManageWebhooks().create(
        { url: this.url, events, secret: this.secret, description: this.description },
        null
      )
      this.logger.success(
        `Created webhook ${subscription.id} for ${subscription.events.join(', ')}`
      )
      // Shown once, on the terminal only (never logged): the receiver needs it to verify.
      if (!this.secret)
        this.logger.info(`Signing secret (store it now, it is not shown again): ${secret}`)
    })
  }
}
