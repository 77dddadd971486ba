import type { ApplicationService } from '@adonisjs/core/types'
import config from '#mail/config'
import { MailWorker } from '#mail/services/mail_worker'
import { createMailer } from '#mail/services/create_mailer'
import { mountMailTemplates } from '#mail/services/mail_templates'

/**
 * Mounts the plugin's templates (Edge disk `mail`: the layout other
 * plugins' mails use) and starts the outbox worker in web processes
 * (MAIL_WORKER=false turns it off); on shutdown the worker finishes its
 * batch. Tests start their own worker with fast settings.
 */
export default class MailProvider {
  #worker: MailWorker | undefined

  constructor(protected app: ApplicationService) {}

  async boot() {
    mountMailTemplates('mail', this.app.makePath('app/mail/views'))
  }

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const settings = config.get()
    if (!settings.worker) return
    this.#worker = new MailWorker(settings, createMailer(settings))
    this.#worker.start()
  }

  async shutdown() {
    await this.#worker?.stop()
  }
}
