import { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'

const pending = new Set<Promise<void>>()

/**
 * Runs `task` after the current request has been answered, for work whose
 * duration must not show in the answer (a password reset request takes
 * as long for an unknown address as for a known one). A failure is logged
 * under `what`, never thrown. The work is not persisted: keep it short and
 * make it queue anything slow or fallible (the mail outbox). Shutdown
 * waits for it (`backgroundSettled`, from the plugins provider).
 */
export function afterResponse(what: string, task: () => Promise<unknown>) {
  const run: Promise<void> = answered()
    .then(task)
    .then(
      () => {},
      (error) => {
        logger.error({ err: safeErrorFields(error), task: what }, 'background task failed')
      }
    )
    .finally(() => pending.delete(run))
  pending.add(run)
}

/** Resolves once every task started with `afterResponse` has finished. */
export async function backgroundSettled() {
  while (pending.size) await Promise.all([...pending])
}

/** Resolves once the current request's answer has been handed to the OS (at once outside one). */
function answered() {
  const raw = HttpContext.get()?.response.response
  return new Promise<void>((resolve) => {
    if (!raw || raw.writableFinished) return setImmediate(resolve)
    raw.once('finish', () => resolve())
    // A client that went away before the answer: the work still runs.
    raw.once('close', () => resolve())
  })
}
