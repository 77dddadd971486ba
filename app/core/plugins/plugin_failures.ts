import logger from '@adonisjs/core/services/logger'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'

export type FailureKind = 'listener' | 'hook' | 'profile-field' | 'content-field'

export interface FailureCount {
  kind: FailureKind
  plugin: string
  event: string
  count: number
  lastAt: string
}

const counts = new Map<string, FailureCount>()

/**
 * A plugin's listener, hook or profile field source failed. The request
 * that caused it goes on; the failure is logged (sanitized: no SQL, no
 * payload, which may hold personal data) and counted per plugin and event,
 * for the admin panel and for tests.
 */
export function recordPluginFailure(
  kind: FailureKind,
  plugin: string,
  event: string,
  error: unknown
) {
  const key = `${kind}:${plugin}:${event}`
  const entry = counts.get(key) ?? { kind, plugin, event, count: 0, lastAt: '' }
  entry.count += 1
  entry.lastAt = new Date().toISOString()
  counts.set(key, entry)
  logger.error({ err: safeErrorFields(error), plugin, event, kind }, `plugin ${kind} failed`)
}

/** Failures since the process started, per plugin, kind and event. */
export function pluginFailures(): FailureCount[] {
  return [...counts.values()].map((entry) => ({ ...entry }))
}

/** Total failures of one event (any plugin), e.g. for a test. */
export function failureCount(event: string, kind: FailureKind = 'listener') {
  return pluginFailures()
    .filter((entry) => entry.event === event && entry.kind === kind)
    .reduce((sum, entry) => sum + entry.count, 0)
}
