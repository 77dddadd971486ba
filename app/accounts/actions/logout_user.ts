import { RefreshTokenService } from '#accounts/services/refresh_token_service'

/**
 * Ends the session of the caller's refresh token (only their own; others'
 * are ignored): its refresh tokens and its access tokens stop working.
 */
export class LogoutUser {
  async handle(userId: number, rawToken: string) {
    await RefreshTokenService.revokeSessionOf(rawToken, userId)
  }
}
