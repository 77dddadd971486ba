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
const { beginDraining, createAppServer, requestsSettled } = await import('#core/http/app_server')

/**
 * URL to the application root. AdonisJS need it to resolve
 * paths to file and directories for scaffolding commands
 */
const APP_ROOT = new URL('../', import.meta.url)

/** How long open keep-alive connections are kept after SIGTERM to answer `Connection: close`. */
const DRAIN_GRACE_MS = 1000

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
     * Graceful shutdown: stop accepting connections, and for a short grace
     * answer what arrives on open keep-alive connections with `Connection:
     * close` (beginDraining); then app.terminate() waits for in-flight
     * requests and closes the database, Redis and the cache. Keep-alive
     * connections are closed as soon as their last response is sent (not
     * after their idle timeout); connections still open after
     * SHUTDOWN_TIMEOUT_MS are cut, so a stuck client cannot hold the exit.
     * A shutdown that still hangs exits 1.
     */
    const shutdownTimeout = async () => {
      const { default: env } = await import('#start/env')
      return env.get('SHUTDOWN_TIMEOUT_MS') ?? 10_000
    }
    const shutdown = async () => {
      const timeout = await shutdownTimeout()
      const server = await app.container.make('server')
      const nodeServer = server.getNodeServer()
      setTimeout(() => nodeServer?.closeAllConnections(), timeout).unref()
      setTimeout(() => process.exit(1), timeout + 5_000).unref()
      if (nodeServer) {
        await beginDraining(nodeServer, Math.min(DRAIN_GRACE_MS, timeout))
        setInterval(() => nodeServer.closeIdleConnections(), 100).unref()
      }
      await app.terminate()
    }
    /**
     * Terminating hooks run last-registered first: this one runs after the
     * framework closed the listener (all sockets gone) and before the
     * providers close the database, Redis and the cache. A handler whose
     * client has gone is still running; closing the database under it
     * failed its queries (500s, stack traces in the log) or reopened a
     * connection that held the process until the hard exit.
     */
    app.terminating(async () => {
      const timeout = await shutdownTimeout()
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        requestsSettled(),
        new Promise((resolve) => (timer = setTimeout(resolve, timeout))),
      ])
      clearTimeout(timer)
    })
    app.listen('SIGTERM', shutdown)
    app.listenIf(app.managedByPm2, 'SIGINT', shutdown)
  })
  .httpServer()
  .start(createAppServer)
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
