import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { dateTimeColumn } from '#core/database/date_time_column'

export default class Post extends BaseModel {
  static table = 'posts'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare categoryId: number

  @column()
  declare boardId: number

  @column()
  declare currentVersion: number

  @column()
  declare voteCount: number

  @column()
  declare commentCount: number

  @dateTimeColumn({ autoCreate: true })
  declare createdAt: DateTime

  @dateTimeColumn({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @dateTimeColumn()
  declare deletedAt: DateTime | null

  /** Hidden by moderation (deletedAt is set too) until a moderator decides. */
  @dateTimeColumn()
  declare hiddenAt: DateTime | null

  /** 1 while the post waits in the approval queue (deletedAt is set too), else null. */
  @column()
  declare pending: number | null

  /** Left the approval queue unpublished (rejected, or withdrawn by its author): stays deleted. */
  @dateTimeColumn()
  declare rejectedAt: DateTime | null

  /** The post's tags, comma separated and sorted ('' for none): see PostTags. */
  @column()
  declare tags: string

  /** The newest live comment's time, else the post's own (sort=activity). */
  @dateTimeColumn()
  declare lastActivityAt: DateTime

  /** Set by a moderator: first on its category's first page. */
  @dateTimeColumn()
  declare pinnedAt: DateTime | null

  /** Set by a moderator: no new comments or votes, edits by moderators only. */
  @dateTimeColumn()
  declare lockedAt: DateTime | null
}
