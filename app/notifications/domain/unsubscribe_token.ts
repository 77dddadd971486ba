import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The one-click unsubscribe token of a digest mail: the member's id,
 * signed (HMAC-SHA256 with a key derived from APP_KEY). It does not expire:
 * an old mail's link still works, and all it can do is stop mails.
 */
export function signUnsubscribe(userId: number, key: string) {
  const body = Buffer.from(JSON.stringify({ u: userId })).toString('base64url')
  return `${body}.${mac(body, key)}`
}

/** The member's id, or null for a token that is not ours. */
export function verifyUnsubscribe(token: string, key: string): number | null {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = Buffer.from(mac(body, key))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const id = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))?.u
    return Number.isSafeInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}

function mac(body: string, key: string) {
  return createHmac('sha256', `notifications:unsubscribe:${key}`).update(body).digest('base64url')
}
