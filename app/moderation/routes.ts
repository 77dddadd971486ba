import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { throttleWrites } from '#accounts/public'

const ReportsController = () => import('#moderation/controllers/reports_controller')

const id = router.matchers.number()

router
  .group(() => {
    router
      .post('/post/:id/report', [ReportsController, 'reportPost'])
      .where('id', id)
      .use(throttleWrites('reports'))
    router
      .post('/comment/:id/report', [ReportsController, 'reportComment'])
      .where('id', id)
      .use(throttleWrites('reports'))
    // Moderators and admins (ReportPolicy, in the actions).
    router.get('/moderation/reports', [ReportsController, 'index'])
    router.post('/moderation/reports/:id/resolve', [ReportsController, 'resolve']).where('id', id)
  })
  .prefix('/api/v1')
  .use(middleware.auth())
