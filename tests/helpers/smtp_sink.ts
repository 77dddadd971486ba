import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

export interface SinkOptions {
  /** Refuse these recipients with `550 5.1.1` (a permanent failure). */
  refuse?: string[]
  /** Accept only this login (AUTH PLAIN/LOGIN), when given. */
  login?: { user: string; pass: string }
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps
 * every message it accepts, parsed. `stop()` closes it (connections are
 * then refused); `start()` opens it again on the same port.
 */
export async function startSmtpSink(options: SinkOptions = {}) {
  const messages: (ParsedMail & { envelopeTo: string[]; user?: string })[] = []
  let server: SMTPServer | undefined
  let port = 0

  const config: SMTPServerOptions = {
    logger: false,
    // Its reverse DNS lookup of the client takes seconds on a machine without DNS.
    disableReverseLookup: true,
    // nodemailer upgrades to TLS when STARTTLS is offered; the test server has no certificate.
    disabledCommands: options.login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !options.login,
    onAuth(auth, _session, callback) {
      const { user, pass } = options.login ?? {}
      if (auth.username === user && auth.password === pass) return callback(null, { user })
      callback(new Error('Invalid username or password'))
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) {
        return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }))
      }
      callback()
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          messages.push(
            Object.assign(parsed, {
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              user: session.user as string | undefined,
            })
          )
          callback()
        },
        (error) => callback(error)
      )
    },
  }

  async function start() {
    server = new SMTPServer(config)
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject)
      server!.listen(port, '127.0.0.1', () => resolve())
    })
    port = (server.server.address() as AddressInfo).port
  }

  async function stop() {
    const closing = server
    server = undefined
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()))
  }

  await start()
  return {
    get port() {
      return port
    },
    messages,
    start,
    stop,
  }
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>
