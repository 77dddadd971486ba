import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class PostVersion extends BaseModel {
  static table = 'post_versions'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare postId: number

  @column()
  declare version: number

  @column()
  declare title: string

  @column()
  declare content: string

  /** Who wrote this version (the author, or a moderator restoring one). */
  @column()
  declare userId: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
