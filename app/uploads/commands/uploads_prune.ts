import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { runSafely } from '#core/cli/run_safely'
import config from '#uploads/config'
import { PRUNE_BATCH, PruneUploads } from '#uploads/services/prune_uploads'

export default class UploadsPrune extends BaseCommand {
  static commandName = 'uploads:prune'
  static description =
    'Remove uploads no post or comment uses, older than UPLOAD_UNATTACHED_TTL_HOURS'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Only count what would be removed' })
  declare dryRun: boolean

  async run() {
    await runSafely(this, async () => {
      const prune = new PruneUploads()
      const hours = config.get().unattachedTtlHours
      if (this.dryRun) {
        const { found, bytes } = await prune.handle({ dryRun: true })
        this.logger.info(
          `${found} unattached upload(s) older than ${hours} h (${bytes} bytes) would be removed`
        )
        return
      }
      let removed = 0
      for (;;) {
        const batch = await prune.handle({ limit: PRUNE_BATCH })
        removed += batch.removed
        if (batch.found < PRUNE_BATCH) break
      }
      this.logger.success(`${removed} unattached upload(s) older than ${hours} h removed`)
    })
  }
}
