import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import { MailResponse } from '@adonisjs/mail'
import type { MailTransportContract, NodeMailerMessage, Recipient } from '@adonisjs/mail/types'

/**
 * The embedded default (MAIL_MAILER=file): no mail server, each mail is
 * written to the folder as `<time>-<id>.eml` (the whole message, opens in
 * a mail client) and `<time>-<id>.txt` (headers and the plain-text body,
 * readable in a terminal). The files hold the links, tokens included, so
 * they are readable by the app's user only.
 */
export class FileTransport implements MailTransportContract {
  readonly #composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  })

  constructor(readonly directory: string) {}

  async send(message: NodeMailerMessage) {
    const info = await this.#composer.sendMail(message as nodemailer.SendMailOptions)
    await mkdir(this.directory, { recursive: true, mode: 0o700 })
    const id = String(info.messageId ?? '')
      .replace(/^<|@.*$/g, '')
      .replace(/[^\w-]/g, '')
      .slice(0, 36)
    const base = `${new Date().toISOString().replace(/[:.]/g, '-')}-${id || 'mail'}`
    await writeFile(join(this.directory, `${base}.eml`), info.message as Buffer, { mode: 0o600 })
    await writeFile(join(this.directory, `${base}.txt`), readable(message), { mode: 0o600 })
    return new MailResponse(info.messageId, info.envelope, { file: `${base}.eml` })
  }
}

function mailbox(recipient: Recipient | undefined) {
  if (!recipient) return ''
  if (typeof recipient === 'string') return recipient
  return recipient.name ? `${recipient.name} <${recipient.address}>` : recipient.address
}

function readable(message: NodeMailerMessage) {
  return [
    `From: ${mailbox(message.from)}`,
    `To: ${(message.to ?? []).map(mailbox).join(', ')}`,
    `Subject: ${message.subject ?? ''}`,
    `Date: ${new Date().toUTCString()}`,
    '',
    String(message.text ?? ''),
  ].join('\n')
}
