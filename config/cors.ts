import { defineConfig } from '@adonisjs/cors'

/**
 * A headless CMS is called from any frontend origin. Credentials are not
 * needed by the API (bearer tokens), so they stay off.
 */
const corsConfig = defineConfig({
  enabled: true,
  origin: true,
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  headers: true,
  exposeHeaders: ['x-request-id', 'retry-after', 'content-disposition'],
  credentials: false,
  maxAge: 90,
})

export default corsConfig
