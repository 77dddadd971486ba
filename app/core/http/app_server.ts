import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
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

/**
 * The node:http server of the app (production and tests): the request id
 * guard, then the fast lane for cached public reads, then the framework.
 */
export function createAppServer(handler: Handler) {
  return createServer((request, response) => {
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
