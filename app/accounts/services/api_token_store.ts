import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { AccessTokenDbColumns } from '@adonisjs/auth/types/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import env from '#start/env'
import { sqlTime } from '#core/database/sql_now'

export const API_TOKENS_TABLE = 'api_tokens'

/** Every secret starts with it (and ends with a CRC32 of itself), so secret scanners spot them. */
export const API_TOKEN_PREFIX = 'bct_'

/** A token used again within this time keeps its recorded last use: at most one write a minute. */
const LAST_USED_PRECISION_MS = 60_000

const DAY_MS = 86_400_000

/**
 * The @adonisjs/auth database token provider for personal API tokens
 * (`User.accessTokens`), with two changes to its `verify`: nothing is
 * written before the secret and the expiry are checked (the framework
 * records a use of any token id presented), and the last use is written
 * only when the recorded one is older than a minute. A token unused for
 * API_TOKEN_UNUSED_DAYS (180 by default, as Discourse) stops working.
 */
export class ApiTokenStore<Model extends LucidModel> extends DbAccessTokensProvider<Model> {
  constructor(model: Model) {
    super({
      tokenableModel: model,
      table: API_TOKENS_TABLE,
      type: 'personal',
      prefix: API_TOKEN_PREFIX,
    })
  }

  /**
   * The framework writes JS Dates, which SQLite keeps as numbers: the app's
   * times are the fixed-width UTC text on SQLite (docs/architecture.md,
   * "Times"), so a new token's times are written again as text there.
   */
  override async create(...args: Parameters<DbAccessTokensProvider<Model>['create']>) {
    const token = await super.create(...args)
    const db = await this.getDb()
    if (db.dialect.name !== 'mysql') {
      await db
        .from(this.table)
        .where('id', String(token.identifier))
        .update({
          created_at: sqlTime(token.createdAt),
          updated_at: sqlTime(token.updatedAt),
          expires_at: token.expiresAt ? sqlTime(token.expiresAt) : null,
        })
    }
    return token
  }

  /** Reads the text times of SQLite too (the framework reads Dates and numbers). */
  override dbRowToAccessToken(row: AccessTokenDbColumns) {
    const time = (value: unknown) =>
      typeof value === 'string' ? new Date(`${value.replace(' ', 'T')}Z`) : value
    return super.dbRowToAccessToken({
      ...row,
      created_at: time(row.created_at),
      updated_at: time(row.updated_at),
      last_used_at: time(row.last_used_at),
      expires_at: time(row.expires_at),
    } as AccessTokenDbColumns)
  }

  /** One query by primary key; a second, rare one records the use. */
  override async verify(value: Secret<string>): Promise<AccessToken | null> {
    const decoded = AccessToken.decode(this.prefix, value.release())
    const id = Number(decoded?.identifier)
    if (!decoded || !Number.isSafeInteger(id) || id < 1) return null

    const db = await this.getDb()
    const row = await db.from(this.table).where({ id, type: this.type }).first()
    if (!row) return null
    const token = this.dbRowToAccessToken(row)
    const now = new Date()
    if (!token.verify(decoded.secret) || token.isExpired() || isDormant(token, now)) return null

    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
      await db
        .from(this.table)
        .where('id', id)
        .update({ last_used_at: sqlTime(now) })
      token.lastUsedAt = now
    }
    return token
  }

  /** The user's tokens, newest first. */
  async listOf(userId: number) {
    const db = await this.getDb()
    const rows: AccessTokenDbColumns[] = await db
      .from(this.table)
      .where({ tokenable_id: userId, type: this.type })
      .orderBy('id', 'desc')
    return rows.map((row) => this.dbRowToAccessToken(row))
  }

  async countOf(userId: number) {
    const db = await this.getDb()
    const [row] = await db
      .from(this.table)
      .where({ tokenable_id: userId, type: this.type })
      .count('* as total')
    return Number(row.total)
  }

  /** Deletes one of the user's tokens; false when the user has no such token. */
  async revoke(userId: number, tokenId: number) {
    const db = await this.getDb()
    const deleted = await db
      .from(this.table)
      .where({ id: tokenId, tokenable_id: userId, type: this.type })
      .delete()
    return Number(deleted) > 0
  }
}

/** API_TOKEN_UNUSED_DAYS in milliseconds; 0 (or less) keeps unused tokens working. */
function dormantAfterMs() {
  return Math.max(0, env.get('API_TOKEN_UNUSED_DAYS') ?? 180) * DAY_MS
}

/** Unused (since its creation, when never used) for longer than API_TOKEN_UNUSED_DAYS. */
export function isDormant(token: Pick<AccessToken, 'lastUsedAt' | 'createdAt'>, now: Date) {
  const limit = dormantAfterMs()
  if (limit === 0) return false
  const seen = token.lastUsedAt ?? token.createdAt
  return now.getTime() - seen.getTime() > limit
}
