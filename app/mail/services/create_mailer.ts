import app from '@adonisjs/core/services/app'
import { Mailer } from '@adonisjs/mail'
import { SMTPTransport } from '@adonisjs/mail/transports/smtp'
import type { MailEvents, MailTransportContract } from '@adonisjs/mail/types'
import type { EmitterLike } from '@adonisjs/core/types/events'
import type config from '#mail/config'
import { parseMailbox, recipient } from '#mail/domain/mailbox'
import { FileTransport } from '#mail/services/file_transport'

export type MailSettings = ReturnType<typeof config.get>

/**
 * The mailer's own events carry the whole message, links and tokens
 * included; nothing in the app listens to them, and a listener that logged
 * or forwarded one (a webhook) would leak a token, so they go nowhere.
 */
const quiet = {
  emit: async () => {},
  emitSerial: async () => {},
} as unknown as EmitterLike<MailEvents>

/**
 * A @adonisjs/mail Mailer for the configured transport: SMTP, or the file
 * transport of the embedded default. The sender comes from MAIL_FROM when
 * the mail is sent, so a changed sender applies to mail still queued.
 */
export function createMailer(settings: MailSettings): Mailer<MailTransportContract> {
  const transport: MailTransportContract =
    settings.mailer === 'smtp'
      ? new SMTPTransport({
          host: settings.smtpHost!,
          port: settings.smtpPort ?? (settings.smtpSecure ? 465 : 587),
          secure: settings.smtpSecure,
          auth: settings.smtpUsername
            ? { type: 'login', user: settings.smtpUsername, pass: settings.smtpPassword ?? '' }
            : undefined,
          connectionTimeout: settings.timeoutMs,
          greetingTimeout: settings.timeoutMs,
          socketTimeout: settings.timeoutMs,
        })
      : new FileTransport(app.makePath(settings.directory))
  const sender = parseMailbox(settings.from ?? '')
  return new Mailer(settings.mailer, transport, quiet, {
    from: sender ? recipient(sender) : undefined,
  })
}
