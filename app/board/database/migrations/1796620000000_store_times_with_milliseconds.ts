import { BaseSchema } from '@adonisjs/lucid/schema'
import {
  timesToMilliseconds,
  timesToSeconds,
  type TimeColumns,
} from '#core/database/millisecond_times'

/**
 * The board's times keep milliseconds (see timesToMilliseconds): an edit
 * in the second a post was written reads as an edit.
 */
const TIMES: TimeColumns = {
  categories: { created_at: 'not null', updated_at: 'not null' },
  posts: { created_at: 'not null', updated_at: 'not null', deleted_at: 'null' },
  post_versions: { created_at: 'not null' },
  post_votes: { created_at: 'not null' },
  comments: { created_at: 'not null', updated_at: 'not null', deleted_at: 'null' },
  comment_versions: { created_at: 'not null' },
  comment_votes: { created_at: 'not null' },
}

export default class extends BaseSchema {
  async up() {
    timesToMilliseconds(this, TIMES)
  }

  async down() {
    timesToSeconds(this, TIMES)
  }
}
