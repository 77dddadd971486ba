import { BaseSchema } from '@adonisjs/lucid/schema'
import { timesToMilliseconds, timesToSeconds, type TimeColumns } from '@boardcms/plugin-kit'

const TIMES: TimeColumns = { reading_times: { updated_at: 'not null' } }

/**
 * `updated_at` keeps milliseconds like the app's times. On SQLite the
 * store wrote a JS Date, which the driver turned into epoch milliseconds:
 * those rows become the text the store writes now.
 */
export default class extends BaseSchema {
  async up() {
    if (this.db.dialect.name !== 'mysql') {
      this.schema.raw(
        `UPDATE reading_times SET updated_at = strftime('%Y-%m-%d %H:%M:%f', updated_at / 1000.0, 'unixepoch')
         WHERE typeof(updated_at) IN ('integer', 'real')`
      )
    }
    timesToMilliseconds(this, TIMES)
  }

  async down() {
    timesToSeconds(this, TIMES)
  }
}
