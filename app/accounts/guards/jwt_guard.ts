import type { HttpContext } from '@adonisjs/core/http'
import { symbols, errors } from '@adonisjs/auth'
import type { AuthClientResponse, GuardContract } from '@adonisjs/auth/types'
import { AppException } from '#core/exceptions/app_exception'
import { isBlocked, isDeactivated, type AuthUser } from '#accounts/domain/auth_user'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { LastSeen } from '#accounts/services/last_seen'
import db from '@adonisjs/lucid/services/db'
import { SessionFamilies } from '#accounts/services/session_families'
import { RefreshTokenService } from '#accounts/services/refresh_token_service'
import { type JwtService, type AccessClaims } from '#accounts/services/jwt_service'

/**
 * Bearer JWT guard for @adonisjs/auth (none ships for v7). A token is
 * accepted only while its version matches the user's (a password change
 * or account deletion bumps the version and kills live tokens at once) and
 * its session (refresh token family) is live (logout and a reused refresh
 * token end it). Blocked users get 403 on every request.
 */
export class JwtGuard implements GuardContract<AuthUser> {
  declare [symbols.GUARD_KNOWN_EVENTS]: {}

  readonly driverName = 'jwt' as const
  authenticationAttempted = false
  isAuthenticated = false
  user?: AuthUser
  /** Claims of the verified token (the refresh family is used by password change). */
  claims?: AccessClaims

  constructor(
    private ctx: HttpContext,
    private jwt: JwtService
  ) {}

  getUserOrFail(): AuthUser {
    if (!this.user)
      throw new errors.E_UNAUTHORIZED_ACCESS('Unauthorized access', {
        guardDriverName: this.driverName,
      })
    return this.user
  }

  async authenticate(): Promise<AuthUser> {
    if (this.authenticationAttempted) return this.getUserOrFail()
    this.authenticationAttempted = true

    const header = this.ctx.request.header('authorization') ?? ''
    const [scheme, token] = header.split(' ')
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw AppException.unauthorized('Missing bearer token')
    }

    const claims = await this.jwt.verify(token)
    if (!claims) throw AppException.unauthorized('Invalid or expired token', 'E_INVALID_TOKEN')

    const user = await AuthUserLookup.find(claims.userId)
    if (!user || isDeactivated(user) || user.tokenVersion !== claims.tokenVersion) {
      throw AppException.unauthorized('Invalid or expired token', 'E_INVALID_TOKEN')
    }
    // Logged out, or its refresh token was reused: the session's access tokens die with it.
    if (!(await SessionFamilies.isLive(claims.family))) {
      throw AppException.unauthorized('Invalid or expired token', 'E_INVALID_TOKEN')
    }
    if (isBlocked(user)) {
      throw new AppException('This account is blocked', { status: 403, code: 'E_USER_BLOCKED' })
    }

    this.user = user
    this.claims = claims
    this.isAuthenticated = true
    // Public profiles show the day; a string compare unless it is the first request of the day.
    await LastSeen.touch(user)
    return user
  }

  async check(): Promise<boolean> {
    try {
      await this.authenticate()
      return true
    } catch (error) {
      if (error instanceof AppException && error.status === 401) return false
      throw error
    }
  }

  async authenticateAsClient(user: AuthUser): Promise<AuthClientResponse> {
    // A real session, so the token passes the session check as a login's would.
    const { family } = await db.transaction((trx) => RefreshTokenService.issue(user.id, trx))
    const token = await this.jwt.sign({ userId: user.id, tokenVersion: user.tokenVersion, family })
    return { headers: { authorization: `Bearer ${token}` } }
  }
}
