import type { ApplicationService } from '@adonisjs/core/types'
import config from '#uploads/config'
import { PollingLoop } from '#core/queue/polling_loop'
import { PRUNE_BATCH, PruneUploads } from '#uploads/services/prune_uploads'
import { pluginOn } from '#core/plugins/plugin_on'

/**
 * Runs the prune job (unattached uploads past UPLOAD_UNATTACHED_TTL_HOURS)
 * in web processes; UPLOAD_PRUNE_WORKER=false turns it off. Several
 * instances may each run it: a row is deleted once, a file delete is
 * idempotent.
 */
export default class UploadsProvider {
  #loop: PollingLoop | undefined

  constructor(protected app: ApplicationService) {}

  /** Attachments, while the board is on (an optional integration: uploads works without it). */
  async start() {
    if (!pluginOn('board')) return
    const { contentExtensions } = await import('#board/public')
    const { attachmentFields } = await import('#uploads/services/attachment_fields')
    contentExtensions.register('uploads', attachmentFields)
  }

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const settings = config.get()
    if (!settings.pruneWorker) return
    const prune = new PruneUploads()
    this.#loop = new PollingLoop({
      name: 'uploads prune',
      pollIntervalMs: settings.pruneIntervalMs,
      batchSize: PRUNE_BATCH,
      poll: async () => {
        const { removed } = await prune.handle({ limit: PRUNE_BATCH })
        return removed
      },
    })
    this.#loop.start()
  }

  async shutdown() {
    await this.#loop?.stop()
  }
}
