import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ListOutbox, OUTBOX_STATUSES } from '#mail/actions/list_outbox'
import { runSafely } from '#core/cli/run_safely'

export default class MailOutbox extends BaseCommand {
  static commandName = 'mail:outbox'
  static description = 'The mail outbox, newest first (never the message bodies)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: `Only ${OUTBOX_STATUSES.join(', ')}` })
  declare status?: string

  @flags.number({ description: 'How many (default 20, at most 100)', default: 20 })
  declare limit: number

  async run() {
    await runSafely(this, async () => {
      const { totals, mails } = await new ListOutbox().handle({
        status: this.status,
        size: this.limit,
      })
      const table = this.ui.table()
      table.head([
        'id',
        'status',
        'attempts',
        'template',
        'to',
        'last error',
        'next attempt',
        'created',
      ])
      for (const mail of mails) {
        table.row([
          String(mail.id),
          mail.status,
          String(mail.attempts),
          mail.template,
          mail.recipient,
          mail.last_error ?? '',
          mail.next_attempt_at ?? '',
          mail.created_at ?? '',
        ])
      }
      table.render()
      this.logger.info(
        `${mails.length} shown; ${OUTBOX_STATUSES.map((s) => `${totals[s]} ${s}`).join(', ')}`
      )
    })
  }
}
