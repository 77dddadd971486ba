import { PollingLoop } from '#core/queue/polling_loop'
import { FanOutQueue } from '#notifications/services/fan_out_queue'
import { DigestMailer } from '#notifications/services/digest_mailer'

/**
 * Sends the email digests that are due, and is the safety net of the fan-out queue (jobs normally run right after the
 * response that queued them): picks up jobs whose run failed, whose
 * process stopped, or whose lease ran out, on any instance.
 */
export class NotificationWorker {
  readonly #loop: PollingLoop

  constructor(options: { pollIntervalMs: number; digestMinutes: number }) {
    this.#loop = new PollingLoop({
      name: 'notification worker',
      pollIntervalMs: options.pollIntervalMs,
      batchSize: 10,
      poll: async () => {
        const jobs = await FanOutQueue.poll(10)
        await DigestMailer.sendDue(options.digestMinutes)
        return jobs
      },
    })
  }

  start() {
    this.#loop.start()
  }

  async stop() {
    await this.#loop.stop()
  }
}
