/**
 * What a member may be notified of. A member gets one notification per
 * cause (a comment, a post, a moderation act): when several kinds apply,
 * the first of this list wins (a comment that mentions the post's author
 * is a mention, not a reply).
 */
export const NOTIFICATION_KINDS = [
  'moderation',
  'mention',
  'reply_to_comment',
  'reply_to_post',
  'watched_post',
  'watched_category',
] as const

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** off: nothing; app: in the list and count (and realtime); email: that, and the digest mail. */
export const CHANNELS = ['off', 'app', 'email'] as const

export type Channel = (typeof CHANNELS)[number]

/**
 * Defaults, after Discourse: what is addressed to the member (a mention,
 * a reply, an act on their content) is mailed too; what they watch is
 * in-app only.
 */
export const DEFAULT_CHANNELS: Record<NotificationKind, Channel> = {
  moderation: 'email',
  mention: 'email',
  reply_to_comment: 'email',
  reply_to_post: 'email',
  watched_post: 'app',
  watched_category: 'app',
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value)
}
