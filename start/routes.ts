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
