import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'
import proxyAddr from 'proxy-addr'
import { serializeJson } from '#core/http/serialize_json'

/**
 * Encrypts cookies and signs sessions; the JWT secret derives from it
 * unless JWT_SECRET is set.
 */
export const appKey = env.get('APP_KEY')

export const appUrl = env.get('APP_URL', `http://${env.get('HOST')}:${env.get('PORT')}`)

export const http = defineConfig({
  /**
   * Every request gets an id (taken from X-Request-Id when the proxy sent
   * one); it is logged with the request and echoed back.
   */
  generateRequestId: true,
  allowMethodSpoofing: false,
  serializeJSON: serializeJson,
  useAsyncLocalStorage: true,
  /**
   * Only these peers may set X-Forwarded-For (and so the client IP that rate
   * limits count): loopback and private networks by default, where the
   * bundled nginx runs. Trusting every peer let any client pick its own IP.
   */
  trustProxy: proxyAddr.compile(
    (env.get('TRUSTED_PROXIES') ?? 'loopback,linklocal,uniquelocal')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
  ),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
