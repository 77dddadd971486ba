import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { dateTimeColumn } from '#core/database/date_time_column'

export default class PostVersion extends BaseModel {
  static table = 'post_versions'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare postId: number

  @column()
  declare version: number

  @column()
  declare title: string

  @column()
  declare content: string

  /** Who wrote this version (the author, or a moderator restoring one). */
  @column()
  declare userId: number

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime
}
