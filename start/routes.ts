/*
|--------------------------------------------------------------------------
| Core routes
|--------------------------------------------------------------------------
|
| Operational endpoints only. Each plugin registers its own routes from its
| provider (see app/<plugin>/routes.ts).
|
*/

import router from '@adonisjs/core/services/router'

const HealthController = () => import('#core/controllers/health_controller')

router.get('/health', [HealthController, 'live'])
router.get('/health/ready', [HealthController, 'ready'])
router.get('/ping', [HealthController, 'ping'])

// The OpenAPI document of every plugin switched on, and a page to read it.
const DocsController = () => import('#core/controllers/docs_controller')

router.get('/docs', [DocsController, 'page'])
router.get('/docs/openapi.json', [DocsController, 'json'])
router.get('/docs/assets/:file', [DocsController, 'asset'])
