/**
 * Delay before the next attempt after `attempts` failed ones: base, 2x base,
 * 4x base... capped, with up to +/- `jitter` (a fraction) so many failing
 * deliveries do not retry in lock step. Used by every persisted queue (webhook
 * deliveries, the mail outbox).
 */
export function backoffDelay(
  attempts: number,
  options: { baseMs: number; maxMs?: number; jitter?: number; random?: () => number }
) {
  const maxMs = options.maxMs ?? 6 * 60 * 60 * 1000
  const exponential = Math.min(maxMs, options.baseMs * 2 ** Math.max(0, attempts - 1))
  const jitter = options.jitter ?? 0.2
  const random = options.random ?? Math.random
  return Math.max(0, Math.round(exponential * (1 + jitter * (2 * random() - 1))))
}
