import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Role from '#accounts/models/role'
import UserState from '#accounts/models/user_state'

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

  /** Null until the owner follows a verification (or reset) link sent to `email`. */
  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  /** The address an email change waits on; it replaces `email` once verified. */
  @column()
  declare pendingEmail: string | null

  @column()
  declare tokenVersion: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @column.dateTime()
  declare deletedAt: DateTime | null

  @belongsTo(() => Role)
  declare role: BelongsTo<typeof Role>

  @hasMany(() => UserState)
  declare states: HasMany<typeof UserState>
}
