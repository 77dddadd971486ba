/**
 * The mail plugin's public entry: the only file other plugins may import.
 *
 * A plugin that sends mail mounts its templates once (its provider's
 * `boot`), then queues mails, inside its own transaction when it has one:
 *
 *   mountMailTemplates('accounts', app.makePath('app/accounts/views/mail'))
 *   await queueMail(
 *     { to: user.email, subject: 'Reset your password', template: 'accounts::password_reset',
 *       data: { name: user.name, link } },
 *     { client: trx }
 *   )
 *
 * Nothing is sent during the call: the outbox worker sends it, retries it
 * while the server is down, and never fails the caller.
 */
export {
  queueMail,
  queueMails,
  type MailToQueue,
  type QueueMailOptions,
} from '#mail/services/queue_mail'
export { mountMailTemplates } from '#mail/services/mail_templates'
export type { Mailbox } from '#mail/domain/mailbox'
