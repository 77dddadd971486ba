/*
|--------------------------------------------------------------------------
| HTTP kernel
|--------------------------------------------------------------------------
|
| Server middleware runs on every request, router middleware on matched
| routes, named middleware where a route asks for it. Sessions are not
| global: only the admin panel uses them, so API answers set no cookie.
|
*/

import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#core/exceptions/handler'))

server.use([
  () => import('#core/middleware/container_bindings_middleware'),
  () => import('#core/middleware/request_id_middleware'),
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
