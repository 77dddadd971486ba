import logger from '@adonisjs/core/services/logger'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'

export interface PollingLoopOptions {
  /** Names the loop in the log line of a failed poll ("mail worker"). */
  name: string
  pollIntervalMs: number
  /** A poll that handled this many items polls again at once: more may be waiting. */
  batchSize: number
  /** One poll; answers how many items it handled. */
  poll: () => Promise<number>
}

/**
 * The timer of a queue worker (webhook deliveries, the mail outbox): polls,
 * polls again at once after a full batch, otherwise after the interval. A
 * failed poll is logged and the loop goes on. `stop()` waits for the poll in
 * flight. The timer never keeps a process (an Ace command, a test run) alive.
 */
export class PollingLoop {
  readonly #options: PollingLoopOptions
  #timer: NodeJS.Timeout | undefined
  #running: Promise<unknown> | undefined
  #stopped = true

  constructor(options: PollingLoopOptions) {
    this.#options = options
  }

  get running() {
    return !this.#stopped
  }

  start() {
    if (!this.#stopped) return
    this.#stopped = false
    this.#schedule(0)
  }

  async stop() {
    this.#stopped = true
    clearTimeout(this.#timer)
    this.#timer = undefined
    await this.#running
  }

  #schedule(delay: number) {
    this.#timer = setTimeout(() => {
      this.#running = this.#options
        .poll()
        .catch((error) => {
          logger.error({ err: safeErrorFields(error) }, `${this.#options.name} poll failed`)
          return 0
        })
        .then((handled) => {
          if (this.#stopped) return
          const full = handled >= this.#options.batchSize
          this.#schedule(full ? 0 : this.#options.pollIntervalMs)
        })
    }, delay)
    this.#timer.unref()
  }
}
