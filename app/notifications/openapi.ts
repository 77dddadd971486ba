import {
  defineOpenApi,
  route,
  schemas,
  shape,
  type ErrorStatus,
} from '#core/openapi/openapi_fragment'
import * as v from '#notifications/validators/notification_validators'
import {
  CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '#notifications/domain/notification_kinds'
import type { NotificationJson } from '#notifications/services/notification_list'

const { id, count, string, dateTime, nullable, ref } = schemas
const auth = true
const channel = { type: 'string', enum: [...CHANNELS] }
const watching = { 200: 'WatchState', errors: [404, 429] as ErrorStatus[] }

/** OpenAPI of the notifications plugin's routes (app/notifications/routes.ts). */
export default defineOpenApi({
  prefix: '/api/v1',
  tag: {
    name: 'notifications',
    description:
      'Replies, mentions, watched posts and categories, moderation acts (docs/notifications.md)',
  },
  params: { id, category: { type: 'string', minLength: 1, maxLength: 50 } },
  routes: {
    'GET /notifications': route("The caller's notifications, newest first", {
      auth,
      query: v.listValidator,
      notes: {
        unread: 'true: unread ones only',
        size: 'Page size (default 20)',
        cursor: 'next_cursor of the previous page',
      },
      200: 'NotificationList',
    }),
    'GET /notifications/count': route('How many unread (cached; counted up to 1000)', {
      auth,
      200: 'NotificationCount',
    }),
    'POST /notifications/read': route('Mark notifications read: the given ids, or all', {
      auth,
      body: v.readValidator,
      description:
        'Ids of other members, or already read, are ignored; a body with neither marks nothing.',
      200: 'NotificationsRead',
    }),
    'GET /user/notification-settings': route('Channel per kind: off, app or email', {
      auth,
      200: 'NotificationSettings',
    }),
    'PUT /user/notification-settings': route('Change the channel of some kinds', {
      auth,
      body: v.settingsValidator,
      200: 'NotificationSettings',
    }),
    'GET /notifications/unsubscribe': route("The digest mail's one-click unsubscribe link", {
      query: v.unsubscribeValidator,
      description:
        'Every kind set to email becomes app (the notifications stay in the app). No sign-in: the signed token is the proof; 400 E_INVALID_TOKEN otherwise.',
      errors: [400],
      200: 'Unsubscribed',
    }),
    'POST /notifications/unsubscribe': route('The same, for a mail client (RFC 8058)', {
      body: v.unsubscribeValidator,
      form: true,
      errors: [400],
      200: 'Unsubscribed',
    }),
    'GET /post/{id}/watch': route('Whether the caller watches the post', {
      auth,
      200: 'WatchState',
      errors: [404],
    }),
    'GET /board/{category}/watch': route('Whether the caller watches the category', {
      auth,
      200: 'WatchState',
      errors: [404],
    }),
    'PUT /post/{id}/watch': route('Watch a post: a notification per new comment', {
      auth,
      ...watching,
    }),
    'DELETE /post/{id}/watch': route('Stop watching a post (its author too)', {
      auth,
      ...watching,
    }),
    'PUT /board/{category}/watch': route('Watch a category: a notification per new post', {
      auth,
      description: 'Watching a category covers the categories below it.',
      ...watching,
    }),
    'DELETE /board/{category}/watch': route('Stop watching a category', { auth, ...watching }),
  },
  schemas: {
    Notification: shape<NotificationJson>({
      id,
      kind: { type: 'string', enum: [...NOTIFICATION_KINDS] },
      read: { type: 'boolean' },
      created_at: dateTime,
      actor: nullable(string),
      post_id: nullable(id),
      comment_id: nullable(id),
      data: { type: 'object', description: '`title` of the post; moderation adds `action`' },
    }),
    NotificationList: shape<{ notifications: unknown; next_cursor: unknown }>({
      notifications: ref('Notification[]'),
      next_cursor: nullable(string),
    }),
    NotificationCount: shape<{ unread: number }>({ unread: count }),
    NotificationsRead: shape<{ read: number }>({ read: count }),
    NotificationSettings: shape<Record<NotificationKind, unknown>>(
      Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channel])) as Record<
        NotificationKind,
        object
      >
    ),
    Unsubscribed: shape<{ unsubscribed: boolean; settings: unknown }>({
      unsubscribed: { type: 'boolean' },
      settings: ref('NotificationSettings'),
    }),
    WatchState: shape<{ watching: boolean }>({ watching: { type: 'boolean' } }),
  },
})
