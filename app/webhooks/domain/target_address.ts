import ipaddr from 'ipaddr.js'

/**
 * Whether a webhook may connect to this IP address: public unicast only.
 * Loopback, private, link-local (169.254.169.254, the cloud metadata
 * service), carrier-grade NAT, unique-local, multicast, unspecified and
 * reserved ranges are refused, also written as an IPv4-mapped IPv6 address.
 */
export function isPublicAddress(address: string) {
  if (!ipaddr.isValid(address)) return false
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  }
  return parsed.range() === 'unicast'
}
