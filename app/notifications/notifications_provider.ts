import type { ApplicationService } from '@adonisjs/core/types'
import config from '#notifications/config'
import { FanOutQueue } from '#notifications/services/fan_out_queue'
import { NotificationWorker } from '#notifications/services/notification_worker'

/**
 * Starts the fan-out worker in web processes (NOTIFY_WORKER=false turns it
 * off) and lets it finish its batch on shutdown.
 */
export default class NotificationsProvider {
  #worker: NotificationWorker | undefined

  constructor(protected app: ApplicationService) {}

  async boot() {
    FanOutQueue.batchSize = config.get().batchSize
  }

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const settings = config.get()
    if (!settings.worker) return
    this.#worker = new NotificationWorker(settings)
    this.#worker.start()
  }

  async shutdown() {
    await this.#worker?.stop()
  }
}
