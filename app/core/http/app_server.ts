import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { dropUnsafeRequestId } from '#core/http/safe_request_id'
import { fastLane } from '#core/http/fast_lane'

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown

/**
 * The node:http server of the app (production and tests): the request id
 * guard, then the fast lane for cached public reads, then the framework.
 */
export function createAppServer(handler: Handler) {
  return createServer((request, response) => {
    dropUnsafeRequestId(request)
    const fast = fastLane.match(request)
    if (!fast) return handler(request, response)
    // A lookup that fails (Redis down...) is the framework's to answer and report.
    fastLane.serve(fast, request, response).then(
      (served) => served || handler(request, response),
      () => response.headersSent || handler(request, response)
    )
  })
}
