import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { throttleWrites } from '#accounts/public'

const ReportsController = () => import('#moderation/controllers/reports_controller')
const ApprovalsController = () => import('#moderation/controllers/approvals_controller')

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
    // The approval queue (NEW_USER_APPROVAL_POSTS): moderators and admins (ApprovalPolicy).
    // GET /moderation/posts is the board's list of deleted posts.
    router.get('/moderation/posts/pending', [ApprovalsController, 'index'])
    router.post('/moderation/posts/:id/approve', [ApprovalsController, 'approve']).where('id', id)
    router.post('/moderation/posts/:id/reject', [ApprovalsController, 'reject']).where('id', id)
  })
  .prefix('/api/v1')
  .use(middleware.auth())
