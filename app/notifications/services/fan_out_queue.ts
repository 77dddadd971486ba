import { claimable, leaseRows } from '#core/queue/lease_rows'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { EventsList } from '@adonisjs/core/types'
import { afterResponse } from '#core/background/after_response'
import { backoffDelay } from '#core/queue/backoff_delay'
import { sqlNow, sqlTime } from '#core/database/sql_now'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'
import {
  handlers,
  type FanOutEvent,
  type FanOutJob,
} from '#notifications/services/fan_out_handlers'

/** How long a claimed job stays with its worker before another may take it over. */
const LEASE_MS = 60_000
const MAX_ATTEMPTS = 8

interface Claimed {
  id: number
  event: FanOutEvent
  payload: string
  cursor: number
  attempts: number
  lockToken: string
}

/**
 * The fan-out queue (`notification_jobs`). A board event's listener only
 * queues one row, so the write that emitted it pays one small insert
 * whatever the number of recipients; the job then runs after the response
 * (in this process) and, should that fail or the process stop, from the
 * worker's poll on any instance. A job is claimed with a conditional
 * UPDATE, works in batches of recipients and records its cursor after
 * each, so a restart resumes where it stopped and never writes twice.
 */
export class FanOutQueue {
  static batchSize = 500

  static async enqueue<Event extends FanOutEvent>(event: Event, payload: EventsList[Event]) {
    const now = sqlNow()
    const [id] = await db.table('notification_jobs').insert({
      event,
      payload: JSON.stringify(payload),
      cursor: 0,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    })
    afterResponse('notification fan-out', () => FanOutQueue.run(Number(id)))
    return Number(id)
  }

  /** Runs one job now if no one else holds it. */
  static async run(id: number) {
    const [job] = await claim((query) => query.where('id', id), 1)
    if (job) await work(job)
  }

  /** Claims and runs due jobs (the worker's poll); answers how many. */
  static async poll(limit = 10, now = Date.now()) {
    const jobs = await claim((query) => query.where('next_attempt_at', '<=', sqlTime(now)), limit)
    for (const job of jobs) await work(job)
    return jobs.length
  }
}

async function claim(filter: (query: any) => any, limit: number): Promise<Claimed[]> {
  const now = Date.now()
  const candidates = await filter(claimable(db.from('notification_jobs'), now))
    .orderBy('id', 'asc')
    .limit(limit)
    .select('id')
  if (!candidates.length) return []
  const ids = candidates.map((row: { id: number }) => Number(row.id))
  const token = await leaseRows('notification_jobs', ids, now, LEASE_MS)
  const rows = await db
    .from('notification_jobs')
    .where('lock_token', token)
    .orderBy('id', 'asc')
    .select('id', 'event', 'payload', 'cursor', 'attempts')
  return rows.map((row) => ({
    id: Number(row.id),
    event: row.event,
    payload: row.payload,
    cursor: Number(row.cursor),
    attempts: Number(row.attempts),
    lockToken: token,
  }))
}

async function work(claimed: Claimed) {
  const mine = () =>
    db.from('notification_jobs').where('id', claimed.id).where('lock_token', claimed.lockToken)
  const job: FanOutJob = {
    id: claimed.id,
    event: claimed.event,
    payload: JSON.parse(claimed.payload),
    cursor: claimed.cursor,
  }
  const handler = handlers[job.event] as (job: FanOutJob, batch: number) => Promise<number | null>
  try {
    if (!handler) throw new Error(`No fan-out handler for ${job.event}`)
    for (;;) {
      const next = await handler(job, FanOutQueue.batchSize)
      if (next === null) {
        await mine().delete()
        return
      }
      job.cursor = next
      const kept = await mine().update({
        cursor: next,
        locked_until: sqlTime(Date.now() + LEASE_MS),
        updated_at: sqlNow(),
      })
      // The lease ran out and another worker took the job over: it goes on from the cursor.
      if (!Number(kept)) return
      // Between batches, let the requests this process serves go first.
      await new Promise((resolve) => setImmediate(resolve))
    }
  } catch (error) {
    const attempts = claimed.attempts + 1
    logger.error({ err: safeErrorFields(error), job: claimed.id }, 'notification fan-out failed')
    await mine().update({
      status: attempts >= MAX_ATTEMPTS ? 'dead' : 'pending',
      attempts,
      last_error: String((error as Error)?.message ?? error).slice(0, 500),
      next_attempt_at: sqlTime(Date.now() + backoffDelay(attempts, { baseMs: 5000 })),
      locked_until: null,
      lock_token: null,
      updated_at: sqlNow(),
    })
  }
}
