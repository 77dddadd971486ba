export type RefreshTokenStatus = 'active' | 'spent' | 'revoked' | 'expired'

/**
 * The state of a refresh token at `now`. A spent token presented again is
 * a sign of theft: the caller must revoke its whole family.
 */
export function refreshTokenStatus(
  token: { spentAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date
): RefreshTokenStatus {
  if (token.revokedAt) return 'revoked'
  if (token.spentAt) return 'spent'
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'active'
}
