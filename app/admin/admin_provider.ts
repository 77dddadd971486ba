import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Mounts the panel's views as the Edge disk "admin" (templates live in
 * app/admin/views, so they go with the plugin), renders errors under /admin
 * as pages, and registers the routes.
 */
export default class AdminProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const { default: edge } = await import('edge.js')
    edge.mount('admin', this.app.makePath('app/admin/views'))
  }

  async start() {
    if (this.app.getEnvironment() !== 'web' && this.app.getEnvironment() !== 'test') return
    const { renderHtmlErrorsUnder } = await import('#core/exceptions/html_error_pages')
    const { renderAdminError } = await import('#admin/services/error_page')
    renderHtmlErrorsUnder('/admin', renderAdminError)
    await import('#admin/routes')
  }
}
