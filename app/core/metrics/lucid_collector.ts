import { configProvider } from '@adonisjs/core'
import type { EmitterService } from '@adonisjs/core/types'
import { Collector } from '@julr/adonisjs-prometheus/collectors/collector'
import type { CommonCollectorOptions, ResolvedPromConfig } from '@julr/adonisjs-prometheus/types'
import { hrtimeToSeconds } from '#core/metrics/hrtime_to_seconds'

export function lucidCollector() {
  return configProvider.create(async (app) => {
    const emitter = await app.container.make('emitter')
    return new LucidCollector(emitter, app.config.get<ResolvedPromConfig>('prometheus'))
  })
}

/**
 * Lucid query durations by connection, model and method (select, insert...),
 * never by SQL text. Lucid emits `db:query` only for connections with
 * `debug: true` (config/database.ts). Replaces the package's collector for
 * the same hrtime defect as HttpCollector.
 */
export class LucidCollector extends Collector {
  constructor(
    private emitter: EmitterService,
    options: CommonCollectorOptions
  ) {
    super(options)
  }

  register() {
    const durations = this.createHistogram({
      name: 'lucid_query_duration_seconds',
      help: 'Database query duration in seconds by connection, model and method',
      labelNames: ['connection', 'model', 'method'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    })

    this.emitter.on('db:query', (query) => {
      if (!query.duration) return
      durations.observe(
        { connection: query.connection, model: query.model ?? 'none', method: query.method },
        hrtimeToSeconds(query.duration)
      )
    })
  }
}
