import { createReadStream, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import plugins from '#config/plugins'
import { AppException } from '#core/exceptions/app_exception'
import { buildOpenApiDocument } from '#core/openapi/openapi_document'
import { DOCS_ASSETS, DOCS_HTML, DOCS_INIT_JS } from '#core/openapi/docs_page'

const swaggerUiDir = (
  createRequire(import.meta.url)('swagger-ui-dist') as {
    getAbsoluteFSPath: () => string
  }
).getAbsoluteFSPath()

let cached: Awaited<ReturnType<typeof buildOpenApiDocument>> | undefined

/** The merged document of the plugins switched on; built once per process. */
export async function openApiDocument() {
  cached ??= await buildOpenApiDocument(plugins, {
    title: 'boardcms API',
    version: String(JSON.parse(readFileSync(app.makePath('package.json'), 'utf8')).version),
  })
  return cached
}

export default class DocsController {
  async json() {
    return openApiDocument()
  }

  async page({ response }: HttpContext) {
    response.header('content-type', 'text/html; charset=utf-8')
    return DOCS_HTML
  }

  async asset({ params, response }: HttpContext) {
    const file = String(params.file)
    if (file === 'docs-init.js') {
      response.header('content-type', 'text/javascript; charset=utf-8')
      return DOCS_INIT_JS
    }
    // An allow-list, so no path outside the package can be asked for.
    const type = DOCS_ASSETS[file]
    if (!type) throw AppException.notFound('File')
    response.header('content-type', type)
    response.header('cache-control', 'public, max-age=86400')
    response.stream(createReadStream(join(swaggerUiDir, file)))
  }
}
