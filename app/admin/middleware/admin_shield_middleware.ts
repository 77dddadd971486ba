import app from '@adonisjs/core/services/app'
import encryption from '@adonisjs/core/services/encryption'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import type { ShieldConfig } from '@adonisjs/shield/types'
import edge from 'edge.js'
import { pluginOn } from '#admin/services/plugin_pages'

/**
 * @adonisjs/shield for the panel only: config/shield.ts (CSRF off, for the
 * bearer API) plus CSRF on every unsafe method and a strict CSP. The panel
 * has no script, no inline style and no third-party host, so 'self' is all
 * it needs (images: also the upload disk's origins); inline SVG markup is
 * not affected by the CSP.
 */
let shield: ShieldMiddleware | undefined

/**
 * Where the uploads page's thumbnails may come from beside 'self' (on S3 the
 * bucket, which GET /uploads/... redirects to). The uploads plugin's entry is
 * loaded only while it is switched on.
 */
async function uploadImages() {
  if (!pluginOn('uploads')) return []
  const { uploadImageSources } = await import('#uploads/public')
  return uploadImageSources()
}

function adminShield(imageSources: string[]) {
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
          imgSrc: [`'self'`, 'data:', ...imageSources],
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
    return (shield ?? adminShield(await uploadImages())).handle(ctx, next)
  }
}
