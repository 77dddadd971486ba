import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#accounts/models/user'
import { JwtService } from '#accounts/services/jwt_service'
import { RefreshTokenService } from '#accounts/services/refresh_token_service'

export interface TokenPair {
  token_type: 'bearer'
  access_token: string
  expires_in: number
  refresh_token: string
  username: string
}

/** A new access token plus a refresh token in the given (or a new) family. */
export async function issueTokenPair(
  user: Pick<User, 'id' | 'name' | 'tokenVersion'>,
  trx: TransactionClientContract,
  family?: string
): Promise<TokenPair> {
  const refresh = await RefreshTokenService.issue(user.id, trx, family)
  const jwt = JwtService.shared()
  const access = await jwt.sign({
    userId: user.id,
    tokenVersion: user.tokenVersion,
    family: refresh.family,
  })
  return {
    token_type: 'bearer',
    access_token: access,
    expires_in: jwt.accessTtlSeconds,
    refresh_token: refresh.raw,
    username: user.name,
  }
}
