import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import State from '#accounts/models/state'
import { dateTimeColumn } from '#core/database/date_time_column'

export default class UserState extends BaseModel {
  static table = 'user_states'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare stateId: number

  @column()
  declare reason: string | null

  @column()
  declare createdBy: number | null

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => State)
  declare state: BelongsTo<typeof State>
}
