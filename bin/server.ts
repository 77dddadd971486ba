/*
|--------------------------------------------------------------------------
| HTTP server entrypoint
|--------------------------------------------------------------------------
|
| The "server.ts" file is the entrypoint for starting the AdonisJS HTTP
| server. Either you can run this file directly or use the "serve"
| command to run this file and monitor file changes
|
*/

process.env.TZ = 'UTC'
await import('reflect-metadata')
const { Ignitor, prettyPrintError } = await import('@adonisjs/core')
const { createAppServer } = await import('#core/http/app_server')

/**
 * URL to the application root. AdonisJS need it to resolve
 * paths to file and directories for scaffolding commands
 */
const APP_ROOT = new URL('../', import.meta.url)

/**
 * The importer is used to import files in context of the
 * application.
 */
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })

    /**
     * Graceful shutdown: app.terminate() stops accepting connections, waits
     * for in-flight requests, then closes the database, Redis and the cache.
     * Keep-alive connections are closed as soon as their last response is
     * sent (not after their idle timeout); connections still open after
     * SHUTDOWN_TIMEOUT_MS are cut, so a stuck client cannot hold the exit.
     * A shutdown that still hangs exits 1.
     */
    const shutdown = async () => {
      const { default: env } = await import('#start/env')
      const timeout = env.get('SHUTDOWN_TIMEOUT_MS') ?? 10_000
      const server = await app.container.make('server')
      const nodeServer = server.getNodeServer()
      setInterval(() => nodeServer?.closeIdleConnections(), 100).unref()
      setTimeout(() => nodeServer?.closeAllConnections(), timeout).unref()
      setTimeout(() => process.exit(1), timeout + 5_000).unref()
      await app.terminate()
    }
    app.listen('SIGTERM', shutdown)
    app.listenIf(app.managedByPm2, 'SIGINT', shutdown)
  })
  .httpServer()
  .start(createAppServer)
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
