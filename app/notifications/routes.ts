import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { throttleWatches } from '#notifications/limiters'
import { setUpRealtime } from '#notifications/realtime/realtime'

const NotificationsController = () => import('#notifications/controllers/notifications_controller')
const WatchController = () => import('#notifications/controllers/watch_controller')
const UnsubscribeController = () => import('#notifications/controllers/unsubscribe_controller')

const id = router.matchers.number()

router
  .group(() => {
    router.get('/notifications', [NotificationsController, 'index'])
    router.get('/notifications/count', [NotificationsController, 'count'])
    router.post('/notifications/read', [NotificationsController, 'read'])
    router.get('/user/notification-settings', [NotificationsController, 'settings'])
    router.put('/user/notification-settings', [NotificationsController, 'updateSettings'])
    router.get('/post/:id/watch', [WatchController, 'showPost']).where('id', id)
    router.get('/board/:category/watch', [WatchController, 'showCategory'])
    router
      .put('/post/:id/watch', [WatchController, 'watchPost'])
      .where('id', id)
      .use(throttleWatches)
    router
      .delete('/post/:id/watch', [WatchController, 'unwatchPost'])
      .where('id', id)
      .use(throttleWatches)
    router.put('/board/:category/watch', [WatchController, 'watchCategory']).use(throttleWatches)
    router
      .delete('/board/:category/watch', [WatchController, 'unwatchCategory'])
      .use(throttleWatches)
  })
  .prefix('/api/v1')
  .use(middleware.auth())

// The digest mail's one-click link: the signed token is the proof, no sign-in.
router
  .group(() => {
    router
      .get('/notifications/unsubscribe', [UnsubscribeController, 'handle'])
      .as('notifications.unsubscribe')
    router
      .post('/notifications/unsubscribe', [UnsubscribeController, 'handle'])
      .as('notifications.unsubscribe.post')
  })
  .prefix('/api/v1')

// Realtime: SSE under /__transmit (docs/notifications.md, "Realtime").
setUpRealtime()
