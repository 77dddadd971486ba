/** A sender or recipient: an address and an optional display name. */
export interface Mailbox {
  address: string
  name?: string
}

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/
const NAMED = /^\s*"?([^"<>]*?)"?\s*<\s*([^<>\s]+)\s*>\s*$/

/**
 * Reads `no-reply@example.com` or `Example Board <no-reply@example.com>`
 * (the forms MAIL_FROM takes); null when it is neither.
 */
export function parseMailbox(text: string): Mailbox | null {
  const named = NAMED.exec(text)
  if (named) {
    const [, name, address] = named
    if (!ADDRESS.test(address)) return null
    return name.trim() ? { address, name: name.trim() } : { address }
  }
  const address = text.trim()
  return ADDRESS.test(address) ? { address } : null
}

/** The form nodemailer takes: the bare address, or address and name. */
export function recipient(mailbox: Mailbox): string | { address: string; name: string } {
  return mailbox.name ? { address: mailbox.address, name: mailbox.name } : mailbox.address
}
