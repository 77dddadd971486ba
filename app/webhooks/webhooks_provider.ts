import type { ApplicationService } from '@adonisjs/core/types'
import config from '#webhooks/config'
import { WebhookWorker } from '#webhooks/services/webhook_worker'

/**
 * Starts the delivery worker in web processes (WEBHOOK_WORKER=false turns
 * it off, e.g. to run fewer workers than web instances) and lets it finish
 * its batch on shutdown. Tests start their own worker with fast settings.
 */
export default class WebhooksProvider {
  #worker: WebhookWorker | undefined

  constructor(protected app: ApplicationService) {}

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const settings = config.get()
    if (!settings.worker) return
    this.#worker = new WebhookWorker(settings)
    this.#worker.start()
  }

  async shutdown() {
    await this.#worker?.stop()
  }
}
