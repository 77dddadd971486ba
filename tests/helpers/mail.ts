import db from '@adonisjs/lucid/services/db'
import config from '#mail/config'
import { MailWorker, type MailWorkerOptions } from '#mail/services/mail_worker'
import { createMailer, type MailSettings } from '#mail/services/create_mailer'
import { SealedMessage } from '#mail/services/sealed_message'
import { backgroundSettled } from '#core/background/after_response'

/** Worker settings for tests: polls often, retries soon. */
export const FAST: MailWorkerOptions = {
  pollIntervalMs: 20,
  backoffBaseMs: 50,
  maxAttempts: 5,
  timeoutMs: 3000,
  batchSize: 10,
  retentionDays: 14,
}

/** A worker that sends through a real SMTP server on 127.0.0.1 (tests/helpers/smtp_sink.ts). */
export function smtpWorker(port: number, options: Partial<MailWorkerOptions & MailSettings> = {}) {
  const settings: MailSettings = {
    ...config.get(),
    ...FAST,
    mailer: 'smtp',
    from: 'Test Board <board@example.com>',
    smtpHost: '127.0.0.1',
    smtpPort: port,
    smtpSecure: false,
    ...options,
  }
  return new MailWorker(settings, createMailer(settings))
}

/** A worker of the embedded default: files under `directory` (relative to the app root). */
export function fileWorker(directory: string, options: Partial<MailWorkerOptions> = {}) {
  const settings: MailSettings = { ...config.get(), ...FAST, mailer: 'file', directory, ...options }
  return new MailWorker(settings, createMailer(settings))
}

/**
 * Mails queued for an address, newest first, with their bodies opened (what the worker would
 * send). Waits for work started after a response (a password reset request) first.
 */
export async function queuedMailsTo(address: string) {
  await backgroundSettled()
  const rows = await db
    .from('mail_outbox')
    .where('recipient', address)
    .orderBy('id', 'desc')
    .select('id', 'template', 'status', 'subject', 'message_encrypted')
  return rows.map((row) => {
    const message = row.message_encrypted ? SealedMessage.open(row.message_encrypted) : null
    return {
      id: Number(row.id),
      template: row.template as string,
      status: row.status as string,
      subject: row.subject as string,
      text: String(message?.text ?? ''),
      html: String(message?.html ?? ''),
      headers: (message?.headers ?? {}) as Record<string, string>,
    }
  })
}

/** The token of the first link in a mail body that carries `?token=`. */
export function tokenIn(text: string) {
  const link = text.match(/https?:\/\/\S+[?&]token=[\w-]+/)?.[0]
  if (!link) throw new Error(`No link with a token in:\n${text}`)
  return new URL(link).searchParams.get('token')!
}

/** Polls until `check` holds; fails with `what` after the timeout. */
export async function waitFor(check: () => Promise<boolean> | boolean, what: string, ms = 10_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`Timed out waiting for ${what}`)
}
