import { RefreshTokenService } from '#accounts/services/refresh_token_service'

/** Revokes the caller's refresh token (only their own; others' are ignored). */
export class LogoutUser {
  async handle(userId: number, rawToken: string) {
    await RefreshTokenService.revokeToken(rawToken, userId)
  }
}
