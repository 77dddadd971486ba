import vine from '@vinejs/vine'
import { CHANNELS } from '#notifications/domain/notification_kinds'

export const listValidator = vine.create({
  unread: vine.boolean().optional(),
  size: vine.number().withoutDecimals().range([1, 100]).optional(),
  cursor: vine.string().maxLength(200).optional(),
})

/** The ids to mark read (yours; others' are ignored), or `all: true`; neither marks nothing. */
export const readValidator = vine.create({
  ids: vine.array(vine.number().withoutDecimals().positive()).maxLength(1000).optional(),
  all: vine.boolean().optional(),
})

const channel = () => vine.enum(CHANNELS).optional()

/** Channels per kind; kinds left out keep theirs. */
export const settingsValidator = vine.create({
  moderation: channel(),
  mention: channel(),
  reply_to_comment: channel(),
  reply_to_post: channel(),
  watched_post: channel(),
  watched_category: channel(),
})

export const unsubscribeValidator = vine.create({
  token: vine.string().maxLength(500),
})

/** A realtime subscription: the stream's uid and a channel (`board/qna`, `post/12`, `user/3`). */
export const subscriptionValidator = vine.create({
  uid: vine.string().regex(/^[\w-]{8,64}$/),
  channel: vine
    .string()
    .minLength(1)
    .maxLength(200)
    .regex(/^[^\s]+$/),
})
