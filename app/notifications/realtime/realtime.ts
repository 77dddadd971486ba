import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import transmit from '@adonisjs/transmit/services/main'
import { apiUser } from '#accounts/public'
import { NotificationCount } from '#notifications/services/notification_count'
import { notificationListeners } from '#notifications/services/notification_listeners'
import { limits, markSubscribed, streamLimits } from '#notifications/realtime/stream_limits'

const EventStreamController = () => import('@adonisjs/transmit/controllers/event_stream_controller')
const UnsubscribeController = () => import('@adonisjs/transmit/controllers/unsubscribe_controller')
const SubscribeController = () => import('#notifications/realtime/subscribe_controller')

/** Members of one change whose new unread count goes in the message. */
const COUNTED_UP_TO = 50

/** The channels and what they carry (docs/notifications.md, "Realtime"). */
export const channels = {
  board: (category: string) => `board/${category}`,
  post: (postId: number) => `post/${postId}`,
  user: (userId: number) => `user/${userId}`,
}

/**
 * Registers the SSE routes (`/__transmit/events`, `/subscribe`,
 * `/unsubscribe`) with the stream limits, authorizes `user/{id}` for that
 * member only (a login's JWT or an API token in the subscribe request's
 * Authorization header), and tells a member's streams their unread count
 * whenever it changes.
 */
export function setUpRealtime() {
  // The package's default paths; its subscribe route answers every refusal with an empty
  // 400, ours in the API's error shape (subscribe_controller.ts).
  router.get('/__transmit/events', [EventStreamController]).use(streamLimits)
  router.post('/__transmit/subscribe', [SubscribeController])
  router.post('/__transmit/unsubscribe', [UnsubscribeController])

  transmit.authorize<{ id: string }>('user/:id', async (ctx: HttpContext, { id }) => {
    try {
      await ctx.auth.authenticateUsing(['api', 'api_tokens'])
    } catch {
      return false
    }
    if (apiUser(ctx.auth).id !== Number(id)) return false
    // At most perUser streams of this process listen to one member.
    return transmit.getSubscribersFor(channels.user(Number(id))).length < limits.perUser()
  })

  transmit.on('subscribe', ({ uid, channel }) => {
    markSubscribed(uid)
    // Messages carry no ids to replay from: every subscription (a reconnect re-subscribes)
    // starts with "sync", telling the client to refetch what it shows, then changes follow.
    for (const stream of transmit.getManager().findByChannel(channel)) {
      if (stream.getUid() === uid)
        stream.writeMessage({ data: { channel, payload: { type: 'sync' } } })
    }
  })

  notificationListeners.on(async (userIds) => {
    const members = [...new Set(userIds)]
    // A large fan-out batch does not count for every member (most are not connected):
    // without `unread`, a client fetches GET /notifications/count (cached).
    const counted = members.length <= COUNTED_UP_TO
    for (const userId of members) {
      const payload: Record<string, string | number> = { type: 'notifications' }
      if (counted) payload.unread = await NotificationCount.get(userId)
      transmit.broadcast(channels.user(userId), payload)
    }
  })
}
