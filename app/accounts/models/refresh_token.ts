import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { dateTimeColumn } from '#core/database/date_time_column'

export default class RefreshToken extends BaseModel {
  static table = 'refresh_tokens'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare family: string

  @column({ serializeAs: null })
  declare tokenHash: string

  @dateTimeColumn()
  declare expiresAt: DateTime

  @dateTimeColumn()
  declare spentAt: DateTime | null

  @dateTimeColumn()
  declare revokedAt: DateTime | null

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime
}
