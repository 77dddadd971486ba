import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'

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
  useAsyncLocalStorage: true,
  trustProxy: () => true,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
