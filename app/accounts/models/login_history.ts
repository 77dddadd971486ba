import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { dateTimeColumn } from '#core/database/date_time_column'

export default class LoginHistory extends BaseModel {
  static table = 'login_history'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare ip: string | null

  @column()
  declare userAgent: string | null

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime
}
