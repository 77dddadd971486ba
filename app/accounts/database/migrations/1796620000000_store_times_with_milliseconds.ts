import { BaseSchema } from '@adonisjs/lucid/schema'
import {
  timesToMilliseconds,
  timesToSeconds,
  type TimeColumns,
} from '#core/database/millisecond_times'

/** The accounts' times keep milliseconds (see timesToMilliseconds). */
const TIMES: TimeColumns = {
  users: { created_at: 'not null', updated_at: 'not null', deleted_at: 'null' },
  user_states: { created_at: 'not null' },
  login_history: { created_at: 'not null' },
  refresh_tokens: {
    expires_at: 'not null',
    spent_at: 'null',
    revoked_at: 'null',
    created_at: 'not null',
  },
}

export default class extends BaseSchema {
  async up() {
    timesToMilliseconds(this, TIMES)
  }

  async down() {
    timesToSeconds(this, TIMES)
  }
}
