import { createHash, randomBytes, randomUUID } from 'node:crypto'
import string from '@adonisjs/core/helpers/string'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'
import RefreshToken from '#accounts/models/refresh_token'
import { sqlNow, sqlTime } from '#core/database/sql_now'
import { refreshTokenStatus } from '#accounts/domain/refresh_token_status'
import { AppException } from '#core/exceptions/app_exception'
import { SessionFamilies } from '#accounts/services/session_families'

/** JWT_REFRESH_TTL in seconds, parsed once. */
let ttl: number | undefined

/**
 * Opaque, rotating refresh tokens. Only a SHA-256 of each token is stored.
 * Rotation spends the presented token with a conditional UPDATE, so of two
 * concurrent refreshes with one token exactly one wins; the other counts
 * as reuse and revokes the family.
 */
export class RefreshTokenService {
  static ttlSeconds() {
    ttl ??= string.seconds.parse(env.get('JWT_REFRESH_TTL') ?? '30d')
    return ttl
  }

  static hash(raw: string) {
    return createHash('sha256').update(raw).digest('hex')
  }

  static async issue(
    userId: number,
    trx: TransactionClientContract,
    family: string = randomUUID()
  ) {
    const raw = randomBytes(32).toString('base64url')
    // A plain insert, not the model: every login runs it.
    const now = Date.now()
    await trx.table('refresh_tokens').insert({
      user_id: userId,
      family,
      token_hash: RefreshTokenService.hash(raw),
      expires_at: sqlTime(now + RefreshTokenService.ttlSeconds() * 1000),
      created_at: sqlTime(now),
    })
    return { raw, family }
  }

  /** Spends `raw` and returns its row; throws 401 for unknown, spent, revoked or expired tokens. */
  static async spend(raw: string, trx: TransactionClientContract) {
    const token = await RefreshToken.query({ client: trx })
      .where('token_hash', RefreshTokenService.hash(raw))
      .first()
    if (!token) throw invalid()

    const status = refreshTokenStatus(
      {
        spentAt: token.spentAt?.toJSDate() ?? null,
        revokedAt: token.revokedAt?.toJSDate() ?? null,
        expiresAt: token.expiresAt.toJSDate(),
      },
      new Date()
    )
    if (status === 'spent') throw new ReusedRefreshToken(token.family)
    if (status !== 'active') throw invalid()

    const updated = await trx
      .from('refresh_tokens')
      .where('id', token.id)
      .whereNull('spent_at')
      .whereNull('revoked_at')
      .update({ spent_at: sqlNow() })
    if (Number(updated) !== 1) throw new ReusedRefreshToken(token.family)
    return token
  }

  /** Ends a session: every token of the family is revoked, and its access tokens die with it. */
  static async revokeFamily(family: string) {
    await db
      .from('refresh_tokens')
      .where('family', family)
      .whereNull('revoked_at')
      .update({ revoked_at: sqlNow() })
    await SessionFamilies.ended([family])
  }

  /** Logout: ends the session of the presented token (only the user's own; others' are ignored). */
  static async revokeSessionOf(raw: string, userId: number) {
    const token = await db
      .from('refresh_tokens')
      .where('token_hash', RefreshTokenService.hash(raw))
      .where('user_id', userId)
      .select('family')
      .first()
    if (token) await RefreshTokenService.revokeFamily(token.family)
  }

  /** Revokes every live token of the user, except the family given (the caller's own session). */
  static async revokeAllOf(userId: number, trx: TransactionClientContract, exceptFamily?: string) {
    const query = trx.from('refresh_tokens').where('user_id', userId).whereNull('revoked_at')
    if (exceptFamily) query.whereNot('family', exceptFamily)
    await query.update({ revoked_at: sqlNow() })
  }
}

function invalid() {
  return AppException.unauthorized('Invalid or expired refresh token', 'E_INVALID_REFRESH_TOKEN')
}

/** A spent token came back: the family must be revoked outside the failing transaction. */
export class ReusedRefreshToken extends AppException {
  constructor(public family: string) {
    super('This refresh token was already used; its session has been revoked', {
      status: 401,
      code: 'E_REFRESH_TOKEN_REUSED',
    })
  }
}
