import { createHmac } from 'node:crypto'
import string from '@adonisjs/core/helpers/string'
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose'
import env from '#start/env'

export interface AccessClaims {
  userId: number
  tokenVersion: number
  family: string
}

const ISSUER = 'boardcms'
const AUDIENCE = 'boardcms:api'

/**
 * Signs and verifies short-lived HS256 access tokens. The subject is the
 * user id (a rename never breaks a token); `ver` is the user's token
 * version, `fam` the refresh token family the token was issued with.
 */
export class JwtService {
  static #shared: JwtService | undefined

  /** The process's instance: its key is imported once, not on every sign and verify. */
  static shared() {
    return (JwtService.#shared ??= new JwtService())
  }

  readonly accessTtlSeconds = string.seconds.parse(env.get('JWT_ACCESS_TTL') ?? '15m')
  // jose imports raw key bytes into WebCrypto on each call, on every authenticated request;
  // a CryptoKey imported once is used as is.
  #key = crypto.subtle.importKey(
    'raw',
    JwtService.secret(),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify']
  )

  /** JWT_SECRET when set, otherwise a key derived from APP_KEY for this purpose only. */
  static secret() {
    const configured = env.get('JWT_SECRET')?.release()
    if (configured) return new TextEncoder().encode(configured)
    return new Uint8Array(
      createHmac('sha256', env.get('APP_KEY').release()).update('boardcms:jwt:v1').digest()
    )
  }

  async sign(claims: AccessClaims) {
    return new SignJWT({ ver: claims.tokenVersion, fam: claims.family })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(claims.userId))
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.accessTtlSeconds}s`)
      .sign(await this.#key)
  }

  /** Claims of a valid token, or null for anything forged, expired or malformed. */
  async verify(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, await this.#key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      })
      const userId = Number(payload.sub)
      if (!Number.isSafeInteger(userId) || userId <= 0) return null
      if (typeof payload.ver !== 'number' || typeof payload.fam !== 'string') return null
      return { userId, tokenVersion: payload.ver, family: payload.fam }
    } catch (error) {
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return null
      throw error
    }
  }
}
