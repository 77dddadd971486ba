import type { IncomingMessage } from 'node:http'

/** What we accept from a proxy's X-Request-Id: a UUID, a cuid, nginx's $request_id and the like. */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * Drops an X-Request-Id that is not a plain, short id before the framework
 * reads it (the framework then generates a UUID). The id is logged with
 * every line of the request and echoed back, so a client could otherwise
 * put 16 KB of anything into each log line.
 */
export function dropUnsafeRequestId(request: IncomingMessage) {
  const id = request.headers['x-request-id']
  if (id !== undefined && (Array.isArray(id) || !ACCEPTED.test(id))) {
    delete request.headers['x-request-id']
  }
}
