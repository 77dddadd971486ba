import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import string from '@adonisjs/core/helpers/string'
import { DateTime } from 'luxon'
import { PruneVersions } from '#board/actions/prune_versions'

export default class ContentPruneVersions extends BaseCommand {
  static commandName = 'content:prune-versions'
  static description = 'Delete old post and comment versions, keeping the newest N of each'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Versions to keep per post and comment (>= 1)', required: true })
  declare keep: number

  @flags.string({ description: 'Only versions older than this, e.g. 30d, 12h' })
  declare olderThan?: string

  @flags.boolean({ description: 'Only count what would be deleted' })
  declare dryRun?: boolean

  async run() {
    if (!Number.isInteger(this.keep) || this.keep < 1) {
      this.logger.error('--keep must be a whole number of 1 or more')
      this.exitCode = 1
      return
    }
    let olderThan: DateTime | undefined
    if (this.olderThan !== undefined) {
      try {
        olderThan = DateTime.utc().minus({ seconds: string.seconds.parse(this.olderThan) })
      } catch {
        this.logger.error(`--older-than "${this.olderThan}" is not a duration (e.g. 30d, 12h)`)
        this.exitCode = 1
        return
      }
    }

    const result = await new PruneVersions().handle({
      keep: this.keep,
      olderThan,
      dryRun: this.dryRun,
    })
    const verb = this.dryRun ? 'Would delete' : 'Deleted'
    this.logger.success(
      `${verb} ${result.posts} post version(s) and ${result.comments} comment version(s)`
    )
  }
}
