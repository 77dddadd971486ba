import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { dateTimeColumn } from '#core/database/date_time_column'

export default class Post extends BaseModel {
  static table = 'posts'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare categoryId: number

  @column()
  declare boardId: number

  @column()
  declare currentVersion: number

  @column()
  declare voteCount: number

  @column()
  declare commentCount: number

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
