import app from '@adonisjs/core/services/app'
import encryption from '@adonisjs/core/services/encryption'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import type { ShieldConfig } from '@adonisjs/shield/types'
import edge from 'edge.js'

/**
 * @adonisjs/shield for the panel only: config/shield.ts (CSRF off, for the
 * bearer API) plus CSRF on every unsafe method and a strict CSP. The panel
 * has no script, no inline style and no third-party host, so 'self' is all
 * it needs; inline SVG markup is not affected by the CSP.
 */
let shield: ShieldMiddleware | undefined

function adminShield() {
  const base = app.config.get<ShieldConfig>('shield', {})
  shield ??= new ShieldMiddleware(
    {
      ...base,
      csrf: {
        ...base.csrf,
        enabled: true,
        exceptRoutes: [],
        enableXsrfCookie: false,
        methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
      },
      csp: {
        enabled: true,
        reportOnly: false,
        directives: {
          defaultSrc: [`'self'`],
          scriptSrc: [`'none'`],
          styleSrc: [`'self'`],
          imgSrc: [`'self'`, 'data:'],
          formAction: [`'self'`],
          frameAncestors: [`'none'`],
          baseUri: [`'none'`],
          objectSrc: [`'none'`],
        },
      },
      xFrame: { enabled: true, action: 'DENY' },
      contentTypeSniffing: { enabled: true },
    },
    encryption.use(),
    edge
  )
  return shield
}

export default class AdminShieldMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    // Pages show account data: never let a shared cache or the back button serve them.
    ctx.response.header('Cache-Control', 'no-store')
    ctx.response.header('Referrer-Policy', 'same-origin')
    return adminShield().handle(ctx, next)
  }
}
