/**
 * Name of the GET /metrics route registered by @julr/adonisjs-prometheus's
 * provider (path from config/prometheus.ts). Scrapes are kept out of the
 * request metrics and guarded by METRICS_TOKEN through this name.
 */
export const METRICS_ROUTE_NAME = 'prometheus.metrics'
