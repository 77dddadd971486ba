import type { ServerResponse } from 'node:http'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { Gauge } from 'prom-client'
import transmit from '@adonisjs/transmit/services/main'
import prometheusConfig from '#config/prometheus'
import env from '#start/env'
import { AppException } from '#core/exceptions/app_exception'

interface OpenStream {
  ip: string
  response: ServerResponse
  openedAt: number
  subscribed: boolean
}

/** Streams this process holds, by transmit uid. */
const open = new Map<string, OpenStream>()
const perIp = new Map<string, number>()

/**
 * A client this far behind is too slow: its stream is cut, never the others'. A broadcast
 * only queues a message on each stream, so a reader that stalls piles messages up in its
 * stream (counted in messages), then unsent bytes in its response.
 */
const MAX_QUEUED_MESSAGES = 1000
const MAX_BUFFERED_BYTES = 1024 * 1024
/** A stream that subscribed to nothing within this is closed. */
const UNSUBSCRIBED_MS = 60_000

export const limits = {
  perIp: () => env.get('NOTIFY_SSE_MAX_PER_IP') ?? 20,
  perUser: () => env.get('NOTIFY_SSE_MAX_PER_USER') ?? 5,
  /** A stream is closed after this long (the client reconnects and refetches). */
  lifetimeMs: () => (env.get('NOTIFY_SSE_IDLE_MINUTES') ?? 30) * 60_000,
}

const GAUGE = `${prometheusConfig.metricsPrefix}notifications_sse_streams`
if (!prometheusConfig.registry.getSingleMetric(GAUGE)) {
  new Gauge({
    name: GAUGE,
    help: 'Open realtime (SSE) streams of this process',
    registers: [prometheusConfig.registry],
    collect() {
      this.set(open.size)
    },
  })
}

/**
 * The event stream route's middleware: at most `perIp` open streams per
 * client IP in this process (429 beyond), and bookkeeping for the sweep.
 */
export async function streamLimits(ctx: HttpContext, next: NextFn) {
  const ip = ctx.request.ip()
  const uid = String(ctx.request.input('uid') ?? '')
  if (!/^[\w-]{8,64}$/.test(uid)) {
    throw AppException.unprocessable('uid must be 8 to 64 letters, digits, - or _', 'uid')
  }
  if (open.has(uid)) throw AppException.conflict('A stream with this uid is open', 'uid')
  if ((perIp.get(ip) ?? 0) >= limits.perIp()) {
    throw new AppException('Too many open streams from this address', {
      status: 429,
      code: 'E_TOO_MANY_STREAMS',
    })
  }
  const response = ctx.response.response
  open.set(uid, { ip, response, openedAt: Date.now(), subscribed: false })
  perIp.set(ip, (perIp.get(ip) ?? 0) + 1)
  response.once('close', () => {
    open.delete(uid)
    const left = (perIp.get(ip) ?? 1) - 1
    if (left > 0) perIp.set(ip, left)
    else perIp.delete(ip)
  })
  return next()
}

export function markSubscribed(uid: string) {
  const stream = open.get(uid)
  if (stream) stream.subscribed = true
}

export function openStreamCount() {
  return open.size
}

/**
 * Closes streams that subscribed to nothing, that lived their lifetime,
 * or whose client reads too slowly (unsent data piling up).
 */
export function sweepStreams(now = Date.now()) {
  const queued = new Map<string, number>()
  for (const stream of transmit.getManager().getAllSubscribers().keys()) {
    queued.set(stream.getUid(), stream.writableLength + stream.readableLength)
  }
  for (const [uid, stream] of open) {
    const age = now - stream.openedAt
    const slow =
      (queued.get(uid) ?? 0) > MAX_QUEUED_MESSAGES ||
      stream.response.writableLength > MAX_BUFFERED_BYTES
    if (slow) stream.response.destroy()
    else if ((!stream.subscribed && age > UNSUBSCRIBED_MS) || age > limits.lifetimeMs()) {
      stream.response.end()
    }
  }
}

/** Closes every stream (shutdown: clients reconnect to another instance). */
export function closeAllStreams() {
  for (const stream of open.values()) stream.response.end()
}
