import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { dateTimeColumn } from '#core/database/date_time_column'

export default class CommentVersion extends BaseModel {
  static table = 'comment_versions'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare commentId: number

  @column()
  declare version: number

  @column()
  declare content: string

  @column()
  declare userId: number

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime
}
