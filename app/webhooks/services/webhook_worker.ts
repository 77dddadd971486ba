import { claimable, leaseRows } from '#core/queue/lease_rows'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { sqlNow, sqlTime } from '#core/database/sql_now'
import { PollingLoop } from '#core/queue/polling_loop'
import { signPayload } from '#webhooks/domain/signature'
import { backoffDelay } from '#core/queue/backoff_delay'
import { WebhookSecret } from '#webhooks/services/webhook_secret'
import { literalTargetProblem, targetDispatcher } from '#webhooks/services/target_dispatcher'
import { fetch, type Agent } from 'undici'

export interface WorkerOptions {
  pollIntervalMs: number
  backoffBaseMs: number
  maxAttempts: number
  timeoutMs: number
  disableAfter: number
  batchSize: number
  /** Deliver to loopback, private and link-local addresses too (a receiver on the operator's network). */
  allowPrivateTargets: boolean
}

interface Claimed {
  id: number
  subscription_id: number
  event: string
  delivery_key: string
  body: string
  attempts: number
  url: string
  secret_encrypted: string
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string }

const USER_AGENT = 'boardcms-webhooks/1.0'

/**
 * Sends queued deliveries. Polls `webhook_deliveries` for due rows of
 * active subscriptions and claims them with a conditional UPDATE (only
 * rows still unclaimed or whose lease ran out), so several app instances
 * can run a worker each without sending a delivery twice at once. A batch
 * is sent concurrently with a timeout per request, so one slow or dead
 * endpoint does not hold up the others. The queue is the table: a
 * restart loses nothing, and a crashed instance's claims expire.
 */
export class WebhookWorker {
  readonly #options: WorkerOptions
  readonly #leaseMs: number
  readonly #dispatcher: Agent
  readonly #loop: PollingLoop

  constructor(options: WorkerOptions) {
    this.#options = options
    this.#loop = new PollingLoop({
      name: 'webhook worker',
      pollIntervalMs: options.pollIntervalMs,
      batchSize: options.batchSize,
      poll: () => this.tick(),
    })
    this.#leaseMs = options.timeoutMs + 30_000
    this.#dispatcher = targetDispatcher(options.allowPrivateTargets)
  }

  get running() {
    return this.#loop.running
  }

  start() {
    this.#loop.start()
  }

  /** Stops polling and waits for the batch in flight. */
  async stop() {
    await this.#loop.stop()
  }

  /** One poll: claims due deliveries and attempts each once. Returns how many. */
  async tick(now = Date.now()) {
    const claimed = await this.claim(now)
    await Promise.all(claimed.map((delivery) => this.#attempt(delivery)))
    return claimed.length
  }

  /** Claims up to a batch of due deliveries for this worker. */
  async claim(now = Date.now()): Promise<Claimed[]> {
    const candidates = await claimable(
      db
        .from('webhook_deliveries as d')
        .join('webhook_subscriptions as s', 's.id', 'd.subscription_id')
        .where('s.active', true),
      now,
      'd.'
    )
      .where('d.next_attempt_at', '<=', sqlTime(now))
      .orderBy('d.next_attempt_at', 'asc')
      .limit(this.#options.batchSize)
      .select('d.id')
    if (!candidates.length) return []
    const ids = candidates.map((row: { id: number }) => row.id)
    const token = await leaseRows('webhook_deliveries', ids, now, this.#leaseMs)

    const rows = await db
      .from('webhook_deliveries as d')
      .join('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .where('d.lock_token', token)
      .select(
        'd.id',
        'd.subscription_id',
        'd.event',
        'd.delivery_key',
        'd.body',
        'd.attempts',
        's.url',
        's.secret_encrypted'
      )
    return rows.map((row) => ({ ...row, lock_token: token }))
  }

  async #attempt(delivery: Claimed & { lock_token?: string }) {
    const outcome = await this.#send(delivery)
    await this.#record(delivery, outcome)
  }

  async #send(delivery: Claimed): Promise<Outcome> {
    const secret = WebhookSecret.open(delivery.secret_encrypted)
    if (!secret)
      return { ok: false, status: null, error: 'secret cannot be decrypted (APP_KEY changed?)' }
    const refused = literalTargetProblem(delivery.url, this.#options.allowPrivateTargets)
    if (refused) return { ok: false, status: null, error: refused }
    const timestamp = Math.floor(Date.now() / 1000)
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        body: delivery.body,
        redirect: 'manual',
        dispatcher: this.#dispatcher,
        signal: AbortSignal.timeout(this.#options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          'x-board-event': delivery.event,
          'x-board-delivery': delivery.delivery_key,
          'x-board-timestamp': String(timestamp),
          'x-board-attempt': String(delivery.attempts + 1),
          'x-board-signature': signPayload(secret, timestamp, delivery.body),
        },
      })
      // The answer's body is not used; release the connection.
      await response.body?.cancel().catch(() => {})
      if (response.status >= 200 && response.status < 300)
        return { ok: true, status: response.status }
      return { ok: false, status: response.status, error: `HTTP ${response.status}` }
    } catch (error) {
      return { ok: false, status: null, error: describeFailure(error) }
    }
  }

  /** The delivery and its subscription's failure count change together. */
  async #record(delivery: Claimed & { lock_token?: string }, outcome: Outcome) {
    const attempts = delivery.attempts + 1
    const now = sqlNow()
    await db.transaction(async (trx) => {
      const mine = trx
        .from('webhook_deliveries')
        .where('id', delivery.id)
        .where('lock_token', delivery.lock_token!)
      if (outcome.ok) {
        await mine.update({
          status: 'delivered',
          attempts,
          last_status_code: outcome.status,
          last_error: null,
          delivered_at: now,
          locked_until: null,
          lock_token: null,
          updated_at: now,
        })
        await trx
          .from('webhook_subscriptions')
          .where('id', delivery.subscription_id)
          .update({ consecutive_failures: 0 })
        return
      }

      const dead = attempts >= this.#options.maxAttempts
      const delay = backoffDelay(attempts, { baseMs: this.#options.backoffBaseMs })
      await mine.update({
        status: dead ? 'dead' : 'pending',
        attempts,
        last_status_code: outcome.status,
        last_error: outcome.error.slice(0, 500),
        next_attempt_at: sqlTime(Date.now() + delay),
        locked_until: null,
        lock_token: null,
        updated_at: now,
      })
      await trx
        .from('webhook_subscriptions')
        .where('id', delivery.subscription_id)
        .increment('consecutive_failures', 1)
      const disabled = await trx
        .from('webhook_subscriptions')
        .where('id', delivery.subscription_id)
        .where('active', true)
        .where('consecutive_failures', '>=', this.#options.disableAfter)
        .update({
          active: false,
          disabled_reason:
            `Disabled after ${this.#options.disableAfter} consecutive failed attempts (last: ${outcome.error})`.slice(
              0,
              255
            ),
          updated_at: now,
        })
      if (Number(disabled) > 0) {
        logger.warn({ subscription: delivery.subscription_id }, 'webhook subscription disabled')
      }
    })
    if (!outcome.ok) {
      // The URL may hold a token in its query string: only ids go to the log.
      logger.info(
        { subscription: delivery.subscription_id, delivery: delivery.id, error: outcome.error },
        'webhook delivery failed'
      )
    }
  }
}

/** A short, safe description of a network failure (no URL, no body). */
function describeFailure(error: unknown) {
  const err = error as { name?: string; cause?: { code?: string; name?: string; message?: string } }
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timeout'
  if (err?.cause?.name === 'TargetRefused') return String(err.cause.message)
  if (err?.cause?.code) return String(err.cause.code)
  return err?.name ?? 'request failed'
}
