import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { dateTimeColumn } from '#core/database/date_time_column'

export default class Upload extends BaseModel {
  static table = 'uploads'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare publicId: string

  @column()
  declare storageKey: string

  @column()
  declare thumbnailKey: string | null

  @column()
  declare contentType: string

  @column()
  declare size: number

  @column()
  declare width: number | null

  @column()
  declare height: number | null

  @column({ columnName: 'sha256' })
  declare sha256: string

  @column()
  declare originalName: string | null

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime

  @dateTimeColumn()
  declare attachedAt: DateTime | null
}
