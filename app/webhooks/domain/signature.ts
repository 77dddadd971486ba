import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * X-Board-Signature: "sha256=" + hex HMAC-SHA256 over `${timestamp}.${body}`
 * with the subscription's secret. The timestamp (X-Board-Timestamp, Unix
 * seconds) is signed too, so a receiver can refuse old replays.
 */
export function signPayload(secret: string, timestamp: number, body: string) {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** What a receiver does (and the tests): constant-time comparison. */
export function verifySignature(
  secret: string,
  timestamp: number,
  body: string,
  signature: string
) {
  const expected = Buffer.from(signPayload(secret, timestamp, body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
