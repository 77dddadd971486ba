import env from '#start/env'
import { safeEqual } from '@adonisjs/core/helpers'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AppException } from '#core/exceptions/app_exception'
import { METRICS_ROUTE_NAME } from '#core/metrics/metrics_route'

/**
 * When METRICS_TOKEN is set, GET /metrics requires
 * `Authorization: Bearer <token>`. A router middleware keyed on the route
 * name, because the metrics route is registered by the package's provider.
 */
export default class MetricsTokenMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const token = env.get('METRICS_TOKEN')
    if (token && ctx.route?.name === METRICS_ROUTE_NAME) {
      const given = /^Bearer\s+(.+)$/i.exec(ctx.request.header('authorization') ?? '')?.[1] ?? ''
      if (!safeEqual(given, token.release())) {
        ctx.response.header('WWW-Authenticate', 'Bearer realm="metrics"')
        throw AppException.unauthorized('Missing or invalid metrics token')
      }
    }
    return next()
  }
}
