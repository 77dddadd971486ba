import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Server as NetServer } from 'node:net'
import { dropUnsafeRequestId } from '#core/http/safe_request_id'
import { fastLane } from '#core/http/fast_lane'

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown

let inFlight = 0
let settled: (() => void)[] = []

/**
 * Resolves once no request handler is running. Closing the listener only
 * waits for sockets: a handler whose client has gone keeps running, and
 * must finish before the database and Redis are closed under it.
 */
export function requestsSettled() {
  return inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => settled.push(resolve))
}

/** Counts a running handler; a rejection still reaches the process guards as before. */
function track(handling: unknown) {
  inFlight++
  Promise.resolve(handling).finally(() => {
    if (--inFlight > 0) return
    for (const resolve of settled) resolve()
    settled = []
  })
}

let draining = false
const open = new Set<ServerResponse>()

/**
 * The first step of a graceful shutdown: stop accepting connections, but
 * keep the open keep-alive ones for `graceMs`. A request that arrives on
 * one (or is running) is answered with `Connection: close`, so its client
 * opens a new connection (refused) instead of having a socket closed under
 * a request it is sending (a reset). Idle connections are closed after the
 * grace, when http.Server.close() runs. Resolves when the grace is over.
 */
export function beginDraining(server: Server, graceMs: number) {
  draining = true
  for (const response of open) {
    if (!response.headersSent) response.setHeader('Connection', 'close')
  }
  // net.Server's close stops the listener; http.Server's would also close idle sockets now.
  NetServer.prototype.close.call(server)
  return new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref())
}

/**
 * The node:http server of the app (production and tests): the request id
 * guard, then the fast lane for cached public reads, then the framework.
 */
export function createAppServer(handler: Handler) {
  return createServer((request, response) => {
    if (draining) response.setHeader('Connection', 'close')
    open.add(response)
    response.once('close', () => open.delete(response))
    dropUnsafeRequestId(request)
    const fast = fastLane.match(request)
    if (!fast) return track(handler(request, response))
    // A lookup that fails (Redis down...) is the framework's to answer and report.
    track(
      fastLane.serve(fast, request, response).then(
        (served) => served || handler(request, response),
        () => response.headersSent || handler(request, response)
      )
    )
  })
}
