import { BaseSchema } from '@adonisjs/lucid/schema'
import {
  padSqliteTimes,
  timesToMilliseconds,
  timesToSeconds,
  type TimeColumns,
} from '#core/database/millisecond_times'

/**
 * The webhooks' whole-second times keep milliseconds (see
 * timesToMilliseconds). `next_attempt_at` and `locked_until` have had them
 * on MariaDB from the start, but a redelivery wrote whole-second text on
 * SQLite: padded, as the worker compares them.
 */
const TIMES: TimeColumns = {
  webhook_subscriptions: { created_at: 'not null', updated_at: 'not null' },
  webhook_deliveries: { delivered_at: 'null', created_at: 'not null', updated_at: 'not null' },
}

export default class extends BaseSchema {
  async up() {
    timesToMilliseconds(this, TIMES)
    padSqliteTimes(this, 'webhook_deliveries', ['next_attempt_at', 'locked_until'])
  }

  async down() {
    timesToSeconds(this, TIMES)
  }
}
