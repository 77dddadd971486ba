import type { ApplicationService } from '@adonisjs/core/types'
import logger from '@adonisjs/core/services/logger'
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

  /**
   * Attachments, while the board is on (an optional integration: uploads
   * works without it); /health/ready gets the upload disk's check (usage
   * and free space).
   */
  async start() {
    if (pluginOn('board')) {
      const { contentExtensions } = await import('#board/public')
      const { attachmentFields } = await import('#uploads/services/attachment_fields')
      contentExtensions.register('uploads', attachmentFields)
    }
    if (!['web', 'test'].includes(this.app.getEnvironment())) return
    const { healthChecks } = await import('#core/health_checks')
    const { UploadDiskCheck } = await import('#uploads/services/upload_disk_check')
    healthChecks.append([new UploadDiskCheck()])
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
        const { removed, found } = await prune.handle({ limit: PRUNE_BATCH })
        if (removed) logger.info({ removed }, 'unattached uploads pruned')
        // `found`: a full batch polls again at once, even when some were attached meanwhile.
        return found
      },
    })
    this.#loop.start()
  }

  async shutdown() {
    await this.#loop?.stop()
  }
}
