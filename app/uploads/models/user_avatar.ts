import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { dateTimeColumn } from '#core/database/date_time_column'

/** A member's picture; its files are `avatarKey(publicId, size)` for every AVATAR_SIZES. */
export default class UserAvatar extends BaseModel {
  static table = 'user_avatars'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare publicId: string

  @column()
  declare size: number

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime
}
