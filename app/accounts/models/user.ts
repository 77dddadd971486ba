import { DateTime } from 'luxon'
import { BaseModel, beforeSave, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Role from '#accounts/models/role'
import UserState from '#accounts/models/user_state'
import { nameSkeleton } from '#accounts/domain/name_skeleton'
import { ApiTokenStore } from '#accounts/services/api_token_store'
import { dateTimeColumn } from '#core/database/date_time_column'
import { dayFromColumn } from '#accounts/domain/utc_day'

export default class User extends BaseModel {
  static table = 'users'

  /** Personal API tokens (the `api_tokens` guard of config/auth.ts). */
  static accessTokens = new ApiTokenStore(User)

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  /**
   * The name's look-alike key (nameSkeleton), unique: `аdmin` with a Cyrillic
   * а cannot sit beside `admin`. Null for names kept from before the key.
   */
  @column()
  declare nameSkeleton: string | null

  @column()
  declare email: string

  /** A PHC bcrypt hash; never serialized, never cached. */
  @column({ serializeAs: null })
  declare password: string

  @column()
  declare roleId: number

  /** Null until the owner follows a verification (or reset) link sent to `email`. */
  @dateTimeColumn()
  declare emailVerifiedAt: DateTime | null

  /** The address an email change waits on; it replaces `email` once verified. */
  @column()
  declare pendingEmail: string | null

  @column()
  declare tokenVersion: number

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime

  @dateTimeColumn({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @dateTimeColumn()
  declare deletedAt: DateTime | null

  /** The UTC day (yyyy-MM-dd) last seen; written by LastSeen, never through the model. */
  @column({ consume: dayFromColumn })
  declare lastSeenOn: string | null

  /** The picture's URL template (`{size}` in it), set by the avatars' plugin; null: letter avatar. */
  @column()
  declare avatarTemplate: string | null

  @belongsTo(() => Role)
  declare role: BelongsTo<typeof Role>

  @hasMany(() => UserState)
  declare states: HasMany<typeof UserState>

  @beforeSave()
  static keepNameSkeleton(user: User) {
    if (user.$dirty.name !== undefined) {
      user.nameSkeleton = user.deletedAt ? null : nameSkeleton(user.name)
    }
  }
}
