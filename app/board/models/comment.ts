import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { dateTimeColumn } from '#core/database/date_time_column'

export default class Comment extends BaseModel {
  static table = 'comments'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare postId: number

  @column()
  declare userId: number

  /** The comment of the same post this one answers, or null. */
  @column()
  declare replyToId: number | null

  @column()
  declare currentVersion: number

  @column()
  declare voteCount: number

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime

  @dateTimeColumn({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @dateTimeColumn()
  declare deletedAt: DateTime | null

  /** Hidden by moderation (deletedAt is set too) until a moderator decides. */
  @dateTimeColumn()
  declare hiddenAt: DateTime | null
}
