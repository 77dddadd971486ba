import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { Mailer } from '@adonisjs/mail'
import type { MailTransportContract } from '@adonisjs/mail/types'
import { sqlNow, sqlTime } from '#core/database/sql_now'
import { PollingLoop } from '#core/queue/polling_loop'
import { claimable, leaseRows } from '#core/queue/lease_rows'
import { backoffDelay } from '#core/queue/backoff_delay'
import { sendFailure, type SendFailure } from '#mail/domain/send_failure'
import { SealedMessage } from '#mail/services/sealed_message'

export interface MailWorkerOptions {
  pollIntervalMs: number
  backoffBaseMs: number
  maxAttempts: number
  timeoutMs: number
  batchSize: number
  retentionDays: number
}

interface Claimed {
  id: number
  template: string
  message_encrypted: string | null
  attempts: number
  lock_token: string
}

type Outcome = { ok: true; messageId: string | null; file?: string } | ({ ok: false } & SendFailure)

const PRUNE_EVERY_MS = 60 * 60 * 1000

/**
 * Sends the outbox (`mail_outbox`), the same way the webhooks plugin sends
 * deliveries: polls due rows, claims them with a conditional UPDATE (only
 * rows unclaimed or whose lease ran out), so several instances can run a
 * worker each without sending a mail twice at once; sends a batch
 * concurrently, each with a timeout; records the outcome. A failure is
 * retried with exponential backoff until `maxAttempts`, a refusal for good
 * (SMTP 5xx to the recipient or message) at once marks the mail dead. The
 * queue is the table: a restart loses nothing, a crashed instance's claims
 * expire. A sent mail's body is erased; sent and dead rows are deleted
 * after `retentionDays`.
 */
export class MailWorker {
  readonly #options: MailWorkerOptions
  readonly #mailer: Mailer<MailTransportContract>
  readonly #leaseMs: number
  readonly #loop: PollingLoop
  #prunedAt = 0

  constructor(options: MailWorkerOptions, mailer: Mailer<MailTransportContract>) {
    this.#options = options
    this.#loop = new PollingLoop({
      name: 'mail worker',
      pollIntervalMs: options.pollIntervalMs,
      batchSize: options.batchSize,
      poll: () => this.tick(),
    })
    this.#mailer = mailer
    this.#leaseMs = options.timeoutMs + 30_000
  }

  get running() {
    return this.#loop.running
  }

  start() {
    this.#loop.start()
  }

  /** Stops polling, waits for the batch in flight, and closes the transport's connections. */
  async stop() {
    await this.#loop.stop()
    await this.#mailer.close()
  }

  /** One poll: claims due mails and attempts each once. Returns how many. */
  async tick(now = Date.now()) {
    if (now - this.#prunedAt >= PRUNE_EVERY_MS) {
      this.#prunedAt = now
      await this.prune(now)
    }
    const claimed = await this.claim(now)
    await Promise.all(claimed.map((mail) => this.#attempt(mail)))
    return claimed.length
  }

  /** Claims up to a batch of due mails for this worker. */
  async claim(now = Date.now()): Promise<Claimed[]> {
    const candidates = await claimable(db.from('mail_outbox'), now)
      .where('next_attempt_at', '<=', sqlTime(now))
      .orderBy('next_attempt_at', 'asc')
      .limit(this.#options.batchSize)
      .select('id')
    if (!candidates.length) return []
    const ids = candidates.map((row: { id: number }) => row.id)
    const token = await leaseRows('mail_outbox', ids, now, this.#leaseMs)

    const rows = await db
      .from('mail_outbox')
      .where('lock_token', token)
      .select('id', 'template', 'message_encrypted', 'attempts')
    return rows.map((row) => ({ ...row, lock_token: token }))
  }

  /** Deletes sent and dead mails older than the retention period. */
  async prune(now = Date.now()) {
    const cutoff = sqlTime(now - this.#options.retentionDays * 86_400_000)
    return db
      .from('mail_outbox')
      .whereIn('status', ['sent', 'dead'])
      .where('updated_at', '<', cutoff)
      .delete()
  }

  async #attempt(mail: Claimed) {
    const outcome = await this.#send(mail)
    await this.#record(mail, outcome)
  }

  async #send(mail: Claimed): Promise<Outcome> {
    const message = mail.message_encrypted ? SealedMessage.open(mail.message_encrypted) : null
    if (!message) {
      return {
        ok: false,
        permanent: true,
        error: 'The message cannot be decrypted (APP_KEY changed?)',
      }
    }
    let timer: NodeJS.Timeout | undefined
    try {
      const response = await Promise.race([
        this.#mailer.sendCompiled({ message, views: {} }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
            this.#options.timeoutMs
          )
        }),
      ])
      const original = response.original as { file?: string } | undefined
      return { ok: true, messageId: response.messageId ?? null, file: original?.file }
    } catch (error) {
      return { ok: false, ...sendFailure(error) }
    } finally {
      clearTimeout(timer)
    }
  }

  async #record(mail: Claimed, outcome: Outcome) {
    const attempts = mail.attempts + 1
    const now = sqlNow()
    const mine = db.from('mail_outbox').where('id', mail.id).where('lock_token', mail.lock_token)
    if (outcome.ok) {
      await mine.update({
        status: 'sent',
        attempts,
        // The body may hold a single-use link: once sent it is not kept.
        message_encrypted: null,
        last_error: null,
        sent_at: now,
        locked_until: null,
        lock_token: null,
        updated_at: now,
      })
      // Ids and the file name only: the address and the body stay out of logs.
      logger.info(
        { mail: mail.id, template: mail.template, mailer: this.#mailer.name, file: outcome.file },
        outcome.file ? `mail written to ${outcome.file}` : 'mail sent'
      )
      return
    }

    const dead = outcome.permanent || attempts >= this.#options.maxAttempts
    await mine.update({
      status: dead ? 'dead' : 'pending',
      attempts,
      last_error: outcome.error,
      next_attempt_at: sqlTime(
        Date.now() + backoffDelay(attempts, { baseMs: this.#options.backoffBaseMs })
      ),
      locked_until: null,
      lock_token: null,
      updated_at: now,
    })
    // The reason's code only (ECONNREFUSED, EENVELOPE...): a server's reply may name the address.
    logger.warn(
      {
        mail: mail.id,
        template: mail.template,
        attempts,
        dead,
        reason: outcome.error.split(':')[0],
      },
      dead ? 'mail gave up' : 'mail attempt failed, will retry'
    )
  }
}
