import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Role from '#accounts/models/role'
import UserState from '#accounts/models/user_state'
import { dayFromColumn } from '#accounts/domain/utc_day'

export default class User extends BaseModel {
  static table = 'users'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare email: string

  /** A PHC bcrypt hash; never serialized, never cached. */
  @column({ serializeAs: null })
  declare password: string

  @column()
  declare roleId: number

  @column()
  declare tokenVersion: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @column.dateTime()
  declare deletedAt: DateTime | null

  /** The UTC day (yyyy-MM-dd) last seen; written by LastSeen, never through the model. */
  @column({ consume: dayFromColumn })
  declare lastSeenOn: string | null

  @belongsTo(() => Role)
  declare role: BelongsTo<typeof Role>

  @hasMany(() => UserState)
  declare states: HasMany<typeof UserState>
}
