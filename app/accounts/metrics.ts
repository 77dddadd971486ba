import { defineCounter } from '#core/metrics/define_counter'

/** Counted from the `user:logged-in` event (accounts_provider.ts). */
export const loginsTotal = defineCounter({
  name: 'accounts_logins_total',
  help: 'Successful logins',
})

/** Counted where LoginUser refuses a login; `reason` is one of a fixed few. */
export const failedLoginsTotal = defineCounter({
  name: 'accounts_failed_logins_total',
  help: 'Refused logins by reason',
  labelNames: ['reason'] as const,
})

export function countFailedLogin(
  reason: 'invalid_credentials' | 'throttled' | 'blocked' | 'deactivated'
) {
  failedLoginsTotal.inc({ reason })
}
