import { defineConfig } from '@julr/adonisjs-prometheus'
import { systemCollector } from '@julr/adonisjs-prometheus/collectors/system_collector'
import { cacheCollector } from '@julr/adonisjs-prometheus/collectors/cache_collector'
import { httpCollector } from '#core/metrics/http_collector'
import { lucidCollector } from '#core/metrics/lucid_collector'

/**
 * GET /metrics in the Prometheus text format. Every instance exposes its own
 * numbers; Prometheus scrapes each instance (ops/prometheus.yml). Set
 * METRICS_TOKEN to require a bearer token (app/core/metrics/metrics_token_middleware.ts).
 */
export default defineConfig({
  endpoint: '/metrics',
  metricsPrefix: 'boardcms',
  collectors: [
    // Ours instead of the package's: see the comment in each collector.
    httpCollector(),
    lucidCollector(),
    // Cache hits, misses and writes, with keys grouped so ids never become label values.
    cacheCollector({
      keyGroups: [
        [/^board:post:/, 'board:post'],
        [/^board:list:/, 'board:list'],
        [/^board:category-tree$/, 'board:category-tree'],
        [/^accounts:auth-user:/, 'accounts:auth-user'],
        [/.*/, 'other'],
      ],
    }),
    // Process metrics: CPU, memory, event loop lag, GC, handles.
    systemCollector(),
  ],
})
