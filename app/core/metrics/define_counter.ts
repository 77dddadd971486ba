import { Counter } from 'prom-client'
import prometheusConfig from '#config/prometheus'

/**
 * A domain counter a plugin exposes on GET /metrics, in the same registry
 * and with the same name prefix as the built-in metrics:
 *
 *   export const postsCreated = defineCounter({ name: 'board_posts_created_total', help: '...' })
 *   postsCreated.inc()
 *
 * Label values must come from a small fixed set (a reason, a kind), never
 * from ids, names or paths.
 */
export function defineCounter<Label extends string = never>(options: {
  name: string
  help: string
  labelNames?: readonly Label[]
}): Counter<Label> {
  const name = `${prometheusConfig.metricsPrefix}${options.name}`
  const existing = prometheusConfig.registry.getSingleMetric(name)
  if (existing) return existing as Counter<Label>
  return new Counter({ ...options, name, registers: [prometheusConfig.registry] })
}
