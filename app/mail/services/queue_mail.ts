import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { NodeMailerMessage } from '@adonisjs/mail/types'
import { appUrl } from '#config/app'
import { sqlNow, sqlTime } from '#core/database/sql_now'
import { insertRows } from '#core/database/insert_rows'
import { recipient, type Mailbox } from '#mail/domain/mailbox'
import { renderMail } from '#mail/services/mail_templates'
import { SealedMessage } from '#mail/services/sealed_message'

export interface MailToQueue {
  /** An address, or an address with a display name. */
  to: string | Mailbox
  subject: string
  /** `<disk>::<name>`: `<name>/html.edge` and `<name>/text.edge` of a mounted folder. */
  template: string
  /** What the templates print (`appUrl` is always there). */
  data?: Record<string, unknown>
  /** Extra headers (`List-Unsubscribe` of a notification digest). */
  headers?: Record<string, string>
}

export interface QueueMailOptions {
  /** The caller's transaction: the mail is queued if, and only if, it commits. */
  client?: QueryClientContract
}

/**
 * Renders a mail and queues it in the outbox; nothing is sent here (the
 * worker sends it), so a mail server that is down never fails the caller.
 * Returns the outbox row's id.
 */
export async function queueMail(mail: MailToQueue, options: QueueMailOptions = {}) {
  const row = await outboxRow(mail)
  const [id] = await (options.client ?? db.connection()).table('mail_outbox').insert(row)
  return { id: Number(id) }
}

/**
 * Many mails in multi-row inserts (a notification to many members): all
 * queued, or none when the caller's transaction rolls back. Returns how many.
 */
export async function queueMails(mails: MailToQueue[], options: QueueMailOptions = {}) {
  const rows = []
  for (const mail of mails) rows.push(await outboxRow(mail))
  await insertRows(options.client ?? db.connection(), 'mail_outbox', rows)
  return rows.length
}

async function outboxRow(mail: MailToQueue) {
  const to: Mailbox = typeof mail.to === 'string' ? { address: mail.to } : mail.to
  const { html, text } = await renderMail(mail.template, mail.data)
  // Our own Message-ID, the same on every attempt, so a receiver can drop a duplicate.
  const message: NodeMailerMessage = {
    to: [recipient(to)],
    subject: mail.subject,
    html,
    text,
    messageId: `<${randomUUID()}@${messageIdDomain()}>`,
    ...(mail.headers ? { headers: mail.headers } : {}),
  }
  const now = sqlNow()
  return {
    template: mail.template.slice(0, 150),
    recipient: to.address,
    subject: mail.subject.slice(0, 255),
    message_encrypted: SealedMessage.seal(message),
    status: 'pending',
    attempts: 0,
    next_attempt_at: sqlTime(),
    created_at: now,
    updated_at: now,
  }
}

function messageIdDomain() {
  try {
    return new URL(appUrl).hostname || 'localhost'
  } catch {
    return 'localhost'
  }
}
