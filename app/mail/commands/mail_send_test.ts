import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import vine from '@vinejs/vine'
import config from '#mail/config'
import { runSafely } from '#core/cli/run_safely'
import { AppException } from '#core/exceptions/app_exception'
import { createMailer } from '#mail/services/create_mailer'
import { renderMail } from '#mail/services/mail_templates'
import { queueMail } from '#mail/services/queue_mail'
import { sendFailure } from '#mail/domain/send_failure'

const addressValidator = vine.create({ address: vine.string().trim().maxLength(254).email() })

const TEMPLATE = 'mail::test_mail'
const SUBJECT = 'boardcms test mail'

export default class MailSendTest extends BaseCommand {
  static commandName = 'mail:send-test'
  static description =
    'Send a test mail through the configured mailer now and report the outcome (--queue: through the outbox)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Recipient address' })
  declare address: string

  @flags.boolean({
    description: "Queue it in the outbox for the web processes' worker instead of sending now",
  })
  declare queue?: boolean

  async run() {
    await runSafely(this, async () => {
      const { address } = await addressValidator.validate({ address: this.address })
      const data = { sentAt: new Date().toISOString() }
      if (this.queue) {
        const { id } = await queueMail({ to: address, subject: SUBJECT, template: TEMPLATE, data })
        this.logger.success(`Queued as outbox mail ${id} (see mail:outbox)`)
        return
      }

      const settings = config.get()
      const mailer = createMailer(settings)
      const { html, text } = await renderMail(TEMPLATE, data)
      try {
        const response = await mailer.send((message) => {
          message.to(address).subject(SUBJECT).html(html).text(text)
        })
        const file = (response.original as { file?: string } | undefined)?.file
        this.logger.success(
          file
            ? `Written to ${settings.directory}/${file} (MAIL_MAILER=file)`
            : `Sent through ${settings.smtpHost}:${settings.smtpPort ?? (settings.smtpSecure ? 465 : 587)} (message id ${response.messageId})`
        )
      } catch (error) {
        throw new AppException(`Not sent: ${sendFailure(error).error}`, {
          status: 502,
          code: 'E_MAIL_NOT_SENT',
        })
      } finally {
        await mailer.close()
      }
    })
  }
}
