import { configProvider } from '@adonisjs/core'
import type { EmitterService } from '@adonisjs/core/types'
import { Collector } from '@julr/adonisjs-prometheus/collectors/collector'
import type { CommonCollectorOptions, ResolvedPromConfig } from '@julr/adonisjs-prometheus/types'
import { hrtimeToSeconds } from '#core/metrics/hrtime_to_seconds'
import { METRICS_ROUTE_NAME } from '#core/metrics/metrics_route'
import { finalStatus } from '#core/http/final_status'
import { fastLane } from '#core/http/fast_lane'

/** Route label of requests no route matched: one series whatever the path. */
export const UNMATCHED_ROUTE = '(unmatched)'

export function httpCollector() {
  return configProvider.create(async (app) => {
    const emitter = await app.container.make('emitter')
    return new HttpCollector(emitter, app.config.get<ResolvedPromConfig>('prometheus'))
  })
}

/**
 * Request count and duration by route pattern (never the raw path), method
 * and status. Replaces the package's HTTP collector, which reads only the
 * nanosecond half of the hrtime tuple (a 1.2 s request was recorded as 0.2 s).
 * Node rejects unknown methods before they reach us, so every label is bounded.
 */
export class HttpCollector extends Collector {
  constructor(
    private emitter: EmitterService,
    options: CommonCollectorOptions
  ) {
    super(options)
  }

  register() {
    const labelNames = ['method', 'route', 'status'] as const
    const requests = this.createCounter({
      name: 'http_requests_total',
      help: 'HTTP requests by route pattern, method and status',
      labelNames,
    })
    const durations = this.createHistogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds by route pattern, method and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    })

    this.emitter.on('http:request_completed', ({ ctx, duration }) => {
      if (ctx.route?.name === METRICS_ROUTE_NAME) return
      const labels = {
        method: ctx.request.method(),
        route: ctx.route?.pattern ?? UNMATCHED_ROUTE,
        status: String(finalStatus(ctx)),
      }
      requests.inc(labels)
      durations.observe(labels, hrtimeToSeconds(duration))
    })

    // Requests the fast lane answered count like the others, and once more here.
    const fastLaneResponses = this.createCounter({
      name: 'http_fast_lane_responses_total',
      help: 'Cached public reads answered before the middleware pipeline, by route pattern',
      labelNames: ['route'] as const,
    })
    fastLane.onServed(({ method, route, status, durationSeconds }) => {
      const labels = { method, route, status: String(status) }
      requests.inc(labels)
      durations.observe(labels, durationSeconds)
      fastLaneResponses.inc({ route })
    })
  }
}
