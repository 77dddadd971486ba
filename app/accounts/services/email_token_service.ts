import { createHash, randomBytes } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { sqlNow, sqlTime } from '#core/database/sql_now'
import { AppException } from '#core/exceptions/app_exception'

export type EmailTokenPurpose = 'password_reset' | 'email_verification'

export interface SpentEmailToken {
  userId: number
  email: string
}

/**
 * The single-use tokens of reset and verification links: 256 random bits,
 * only their SHA-256 stored, bound to one purpose and one address, with an
 * expiry. Spending is a conditional UPDATE (`used_at IS NULL`), so a link
 * works once even when it is clicked twice at the same moment.
 */
export class EmailTokenService {
  static hash(raw: string) {
    return createHash('sha256').update(raw).digest('hex')
  }

  static async issue(
    trx: TransactionClientContract,
    input: { userId: number; purpose: EmailTokenPurpose; email: string; ttlSeconds: number }
  ) {
    const raw = randomBytes(32).toString('base64url')
    const now = Date.now()
    await trx.table('email_tokens').insert({
      user_id: input.userId,
      purpose: input.purpose,
      token_hash: EmailTokenService.hash(raw),
      email: input.email,
      expires_at: sqlTime(now + input.ttlSeconds * 1000),
      created_at: sqlTime(now),
    })
    return raw
  }

  /**
   * Spends a token of the purpose: 400 E_INVALID_TOKEN when it is unknown
   * (forged, or of the other purpose), spent or expired.
   */
  static async spend(
    trx: TransactionClientContract,
    raw: string,
    purpose: EmailTokenPurpose
  ): Promise<SpentEmailToken> {
    const row = await trx
      .from('email_tokens')
      .where('token_hash', EmailTokenService.hash(raw))
      .where('purpose', purpose)
      .select('id', 'user_id', 'email', 'expires_at', 'used_at')
      .first()
    if (!row || row.used_at !== null || toMs(row.expires_at) <= Date.now()) throw invalidToken()
    const spent = await trx
      .from('email_tokens')
      .where('id', row.id)
      .whereNull('used_at')
      .update({ used_at: sqlNow() })
    if (Number(spent) !== 1) throw invalidToken()
    return { userId: Number(row.user_id), email: row.email }
  }

  /** Spends every live token of the user for the purpose (a reset done, an address changed). */
  static async spendAll(
    trx: TransactionClientContract,
    userId: number,
    purpose: EmailTokenPurpose
  ) {
    await trx
      .from('email_tokens')
      .where('user_id', userId)
      .where('purpose', purpose)
      .whereNull('used_at')
      .update({ used_at: sqlNow() })
  }
}

/** MariaDB gives a Date, SQLite the UTC text Lucid wrote. */
function toMs(value: Date | string) {
  return value instanceof Date ? value.getTime() : Date.parse(`${value.replace(' ', 'T')}Z`)
}

export function invalidToken() {
  return new AppException('This link is invalid, already used or expired', {
    status: 400,
    code: 'E_INVALID_TOKEN',
  })
}
