import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import State from '#accounts/models/state'

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

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => State)
  declare state: BelongsTo<typeof State>
}
