import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { throttleLogin } from '#accounts/public'
import { pluginOn } from '#admin/services/plugin_pages'

const AssetsController = () => import('#admin/controllers/assets_controller')
const SessionController = () => import('#admin/controllers/session_controller')
const DashboardController = () => import('#admin/controllers/dashboard_controller')
const UsersController = () => import('#admin/controllers/users_controller')
const CategoriesController = () => import('#admin/controllers/categories_controller')
const PostsController = () => import('#admin/controllers/posts_controller')
const CommentsController = () => import('#admin/controllers/comments_controller')
const AuditController = () => import('#admin/controllers/audit_controller')
const WebhooksController = () => import('#admin/controllers/webhooks_controller')
const UploadsController = () => import('#admin/controllers/uploads_controller')
const ReportsController = () => import('#admin/controllers/reports_controller')
const ApprovalsController = () => import('#admin/controllers/approvals_controller')

/** The panel's own middleware; sessions and CSRF stay off the JSON API. */
const admin = router.named({
  shield: () => import('#admin/middleware/admin_shield_middleware'),
  staff: () => import('#admin/middleware/staff_middleware'),
})

const id = router.matchers.number()

// The stylesheet needs no session (and sets no cookie).
router.get('/admin/assets/admin.css', [AssetsController, 'css'])

router
  .group(() => {
    router.get('/login', [SessionController, 'show'])
    // The API login's per-IP limit (one budget for both); per-username limits in the action.
    router.post('/login', [SessionController, 'store']).use(throttleLogin)
    router.post('/logout', [SessionController, 'destroy'])

    router
      .group(() => {
        router.get('/', [DashboardController, 'show'])

        router.get('/users', [UsersController, 'index'])
        router.get('/users/:id', [UsersController, 'show']).where('id', id)
        router.post('/users/:id/block', [UsersController, 'block']).where('id', id)
        router.post('/users/:id/unblock', [UsersController, 'unblock']).where('id', id)
        router.post('/users/:id/role', [UsersController, 'role']).where('id', id)
        router
          .post('/users/:id/tokens/:token/revoke', [UsersController, 'revokeToken'])
          .where('id', id)
          .where('token', id)

        // The board's pages: only while the board plugin is switched on.
        if (pluginOn('board')) {
          router.get('/categories', [CategoriesController, 'index'])
          router.post('/categories', [CategoriesController, 'store'])
          router.get('/categories/:name', [CategoriesController, 'show'])
          router.post('/categories/:name/rename', [CategoriesController, 'rename'])
          router.post('/categories/:name/move', [CategoriesController, 'move'])
          router.post('/categories/:name/delete', [CategoriesController, 'destroy'])
          router.post('/categories/:name/permissions', [CategoriesController, 'permissions'])

          router.get('/posts', [PostsController, 'index'])
          router.get('/posts/:id', [PostsController, 'show']).where('id', id)
          router.post('/posts/:id/delete', [PostsController, 'destroy']).where('id', id)
          router.post('/posts/:id/restore', [PostsController, 'restore']).where('id', id)
          router
            .post('/posts/:id/versions/:version/restore', [PostsController, 'restoreVersion'])
            .where('id', id)
            .where('version', id)

          router.get('/comments', [CommentsController, 'index'])
          router.post('/comments/:id/delete', [CommentsController, 'destroy']).where('id', id)
          router.post('/comments/:id/restore', [CommentsController, 'restore']).where('id', id)
        }

        // Pages of other plugins: only while those plugins are switched on.
        if (pluginOn('audit')) {
          router.get('/audit', [AuditController, 'index'])
        }
        if (pluginOn('uploads')) {
          // Named: the uploads plugin's own controller is also "uploads".
          router.get('/uploads', [UploadsController, 'index']).as('admin.uploads.index')
          router
            .post('/uploads/:id/delete', [UploadsController, 'destroy'])
            .where('id', id)
            .as('admin.uploads.destroy')
        }
        if (pluginOn('moderation')) {
          // Named: the moderation plugin's own controller is also "reports".
          router.get('/reports', [ReportsController, 'index']).as('admin.reports.index')
          router
            .post('/reports/:id/resolve', [ReportsController, 'resolve'])
            .where('id', id)
            .as('admin.reports.resolve')
          // The approval queue (NEW_USER_APPROVAL_POSTS).
          router.get('/approvals', [ApprovalsController, 'index']).as('admin.approvals.index')
          router
            .post('/approvals/:id/approve', [ApprovalsController, 'approve'])
            .where('id', id)
            .as('admin.approvals.approve')
          router
            .post('/approvals/:id/reject', [ApprovalsController, 'reject'])
            .where('id', id)
            .as('admin.approvals.reject')
        }
        if (pluginOn('webhooks')) {
          router.get('/webhooks', [WebhooksController, 'index'])
          router.post('/webhooks/:id/enable', [WebhooksController, 'enable']).where('id', id)
          router.post('/webhooks/:id/disable', [WebhooksController, 'disable']).where('id', id)
        }
      })
      .use(admin.staff())
  })
  .prefix('/admin')
  .use([middleware.session(), admin.shield()])
