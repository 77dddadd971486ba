import dns from 'node:dns'
import net from 'node:net'
import { Agent } from 'undici'
import { isPublicAddress } from '#webhooks/domain/target_address'

export class TargetRefused extends Error {
  constructor(address: string) {
    super(`the target resolves to a non-public address (${address})`)
    this.name = 'TargetRefused'
  }
}

/**
 * The connection pool of webhook deliveries. Its lookup resolves the host
 * and refuses unless every address is public; the connection then uses the
 * address that lookup returned, so a second DNS answer (rebinding) cannot
 * move it to an internal one. `allowPrivate` (WEBHOOK_ALLOW_PRIVATE_TARGETS)
 * turns the check off for receivers on the operator's own network.
 */
export function targetDispatcher(allowPrivate: boolean) {
  return new Agent({
    connect: {
      lookup(hostname, options, callback) {
        dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
          if (error) return callback(error, [])
          const refused = addresses.find((a) => !allowPrivate && !isPublicAddress(a.address))
          if (refused) return callback(new TargetRefused(refused.address), [])
          // net asks for every address (to try them in turn) or for one.
          if (options.all) return callback(null, addresses)
          ;(callback as any)(null, addresses[0].address, addresses[0].family)
        })
      },
    },
  })
}

/** An IP literal in a URL skips the lookup: it is checked here before connecting. */
export function literalTargetProblem(url: string, allowPrivate: boolean) {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  if (allowPrivate || !net.isIP(host)) return null
  return isPublicAddress(host) ? null : new TargetRefused(host).message
}
