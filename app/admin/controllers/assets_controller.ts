import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'

let css: Promise<string> | undefined

/**
 * The panel's one stylesheet, served from the plugin folder (no static
 * file middleware for the whole app, no build step). Read once, except in
 * development where edits show on reload.
 */
export default class AssetsController {
  async css({ response }: HttpContext) {
    if (!css || !app.inProduction) {
      css = readFile(app.makePath('app/admin/public/admin.css'), 'utf8')
    }
    response.header('Content-Type', 'text/css; charset=utf-8')
    response.header('Cache-Control', 'public, max-age=3600')
    response.header('X-Content-Type-Options', 'nosniff')
    return response.send(await css)
  }
}
