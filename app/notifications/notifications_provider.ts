import type { ApplicationService } from '@adonisjs/core/types'
import config from '#notifications/config'
import { FanOutQueue } from '#notifications/services/fan_out_queue'
import { NotificationWorker } from '#notifications/services/notification_worker'

/**
 * Mounts the digest mail's templates. Starts the fan-out and digest worker in web processes (NOTIFY_WORKER=false turns it
 * off) and lets it finish its batch on shutdown.
 */
export default class NotificationsProvider {
  #worker: NotificationWorker | undefined
  #sweep: NodeJS.Timeout | undefined
  #onSigterm: (() => void) | undefined

  constructor(protected app: ApplicationService) {}

  async boot() {
    FanOutQueue.batchSize = config.get().batchSize
    const { mountMailTemplates } = await import('#mail/public')
    mountMailTemplates('notifications', this.app.makePath('app/notifications/views/mail'))
  }

  async ready() {
    if (!['web', 'test'].includes(this.app.getEnvironment())) return
    const { sweepStreams } = await import('#notifications/realtime/stream_limits')
    this.#sweep = setInterval(() => sweepStreams(), 5000).unref()
    // Open streams would hold a graceful shutdown until SHUTDOWN_TIMEOUT_MS: on SIGTERM they
    // end at once (their clients reconnect, to another instance), before the draining.
    const { closeAllStreams } = await import('#notifications/realtime/stream_limits')
    this.#onSigterm = () => closeAllStreams()
    process.once('SIGTERM', this.#onSigterm)
    if (this.app.getEnvironment() !== 'web') return
    const settings = config.get()
    if (!settings.worker) return
    this.#worker = new NotificationWorker(settings)
    this.#worker.start()
  }

  async shutdown() {
    clearInterval(this.#sweep)
    if (this.#onSigterm) process.off('SIGTERM', this.#onSigterm)
    // Open streams would hold the server's close: clients reconnect (to another instance).
    const { closeAllStreams } = await import('#notifications/realtime/stream_limits')
    closeAllStreams()
    await this.#worker?.stop()
  }
}
