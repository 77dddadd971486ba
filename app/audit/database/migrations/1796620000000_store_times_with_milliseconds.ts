import { BaseSchema } from '@adonisjs/lucid/schema'
import {
  timesToMilliseconds,
  timesToSeconds,
  type TimeColumns,
} from '#core/database/millisecond_times'

/** Audit entries keep milliseconds (see timesToMilliseconds). */
const TIMES: TimeColumns = {
  audit_entries: { created_at: 'not null' },
}

export default class extends BaseSchema {
  async up() {
    timesToMilliseconds(this, TIMES)
  }

  async down() {
    timesToSeconds(this, TIMES)
  }
}
