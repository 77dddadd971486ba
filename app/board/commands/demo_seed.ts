import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { DEMO_PASSWORD, SeedDemoContent } from '#board/actions/seed_demo_content'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'

export default class DemoSeed extends BaseCommand {
  static commandName = 'demo:seed'
  static description = 'Fill the board with demo users, posts and comments (batched inserts)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Users to create', default: 100 })
  declare users: number

  @flags.number({ description: 'Posts to create', default: 1000 })
  declare posts: number

  @flags.number({ description: 'Comments to create', default: 3000 })
  declare comments: number

  @flags.number({ description: 'Rows per insert batch', default: 1000 })
  declare batch: number

  async run() {
    for (const [flag, value] of Object.entries({
      users: this.users,
      posts: this.posts,
      comments: this.comments,
    })) {
      if (!Number.isInteger(value) || value < 0) {
        this.logger.error(`--${flag} must be a whole number of 0 or more`)
        this.exitCode = 1
        return
      }
    }
    if (!Number.isInteger(this.batch) || this.batch < 1 || this.batch > 5000) {
      this.logger.error('--batch must be between 1 and 5000')
      this.exitCode = 1
      return
    }

    const started = Date.now()
    const printed = new Map<string, number>()
    try {
      const result = await new SeedDemoContent().handle(
        { users: this.users, posts: this.posts, comments: this.comments, batch: this.batch },
        (done, total, what) => {
          // One line per 10% step keeps the output readable for a million rows.
          const step = Math.floor((done / total) * 10)
          if (printed.get(what) === step) return
          printed.set(what, step)
          this.logger.log(`${what.padEnd(8)} ${bar(done / total)} ${done}/${total}`)
        }
      )
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      this.logger.success(
        `Seeded ${result.users} users, ${result.posts} posts, ${result.comments} comments in ${seconds}s` +
          (result.users ? ` (demo users log in with "${DEMO_PASSWORD}")` : '')
      )
    } catch (error) {
      // Driver messages carry whole SQL statements: print only the safe part.
      this.logger.error(safeErrorFields(error).message)
      this.exitCode = 1
    }
  }
}

function bar(fraction: number) {
  const width = 30
  const filled = Math.round(fraction * width)
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%`
}
