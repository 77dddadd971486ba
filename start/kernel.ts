/*
|--------------------------------------------------------------------------
| HTTP kernel
|--------------------------------------------------------------------------
|
| Server middleware runs on every request, router middleware on matched
| routes, named middleware where a route asks for it. Sessions are not
| global: only the admin panel uses them, so API answers set no cookie.
| Cache hits of the routes plugins register with the fast lane are
| answered before all of this (app/core/http/fast_lane.ts).
|
*/

import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'
import env from '#start/env'
import { fastLane } from '#core/http/fast_lane'

fastLane.configure({
  enabled: env.get('HTTP_FAST_LANE') ?? true,
  cors: app.config.get('cors'),
  logger,
})

server.errorHandler(() => import('#core/exceptions/handler'))

server.use([
  () => import('#core/middleware/container_bindings_middleware'),
  () => import('#core/middleware/request_id_middleware'),
  () => import('#core/middleware/read_your_writes_middleware'),
  () => import('#core/middleware/force_json_response_middleware'),
  () => import('@adonisjs/cors/cors_middleware'),
])

router.use([
  () => import('#core/metrics/metrics_token_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('#core/middleware/initialize_auth_middleware'),
])

export const middleware = router.named({
  auth: () => import('#core/middleware/auth_middleware'),
  session: () => import('@adonisjs/session/session_middleware'),
})
