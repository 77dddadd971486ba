import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Role from '#accounts/models/role'
import UserState from '#accounts/models/user_state'
import { dateTimeColumn } from '#core/database/date_time_column'

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

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime

  @dateTimeColumn({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @dateTimeColumn()
  declare deletedAt: DateTime | null

  @belongsTo(() => Role)
  declare role: BelongsTo<typeof Role>

  @hasMany(() => UserState)
  declare states: HasMany<typeof UserState>
}
