import type { EventsList } from '@adonisjs/core/types'
import { NotifiableMembers } from '#accounts/public'
import { CategoryTreeCache, ContentFacts } from '#board/public'
import { MAX_MENTIONS, mentionedNames } from '#notifications/domain/mentions'
import { deliver, type Candidate, type Cause } from '#notifications/services/deliver'
import { Watches } from '#notifications/services/watches'
import { withdraw } from '#notifications/services/withdraw'

/** A queued fan-out, as its handler sees it. */
export interface FanOutJob<Event extends FanOutEvent = FanOutEvent> {
  id: number
  event: Event
  payload: EventsList[Event]
  /** 0 before the first step; then the last watcher (user id) notified. */
  cursor: number
}

/**
 * One step of a fan-out: the first step notifies the members the content
 * addresses (mentions, replies, moderation) and every step the next batch
 * of watchers. Answers the cursor to resume after, or null when done.
 */
type Handler<Event extends FanOutEvent> = (
  job: FanOutJob<Event>,
  batch: number
) => Promise<number | null>

export const FAN_OUT_EVENTS = [
  'post:created',
  'post:updated',
  'post:deleted',
  'post:restored',
  'post:rejected',
  'comment:created',
  'comment:updated',
  'comment:deleted',
  'comment:restored',
] as const

export type FanOutEvent = (typeof FAN_OUT_EVENTS)[number]

export const handlers: { [Event in FanOutEvent]: Handler<Event> } = {
  async 'post:created'({ payload, cursor }, batch) {
    const post = await ContentFacts.post(payload.postId)
    if (!post || post.deleted) return null
    const cause = postCause(post, post.userId)
    if (cursor === 0) {
      await deliver(cause, await mentions(`${payload.title}\n${payload.content}`))
    }
    const tree = await CategoryTreeCache.get()
    const node = tree.byId(post.categoryId)
    if (!node) return null
    const watched = tree.ancestry(node).map((category) => category.id)
    const watchers = await Watches.categoryWatchers(watched, cursor, batch)
    const candidates = watchers.map((userId) => ({ userId, kind: 'watched_category' as const }))
    await deliver(cause, candidates)
    return watchers.length === batch ? watchers[watchers.length - 1] : null
  },

  async 'comment:created'({ payload, cursor }, batch) {
    const comment = await ContentFacts.comment(payload.commentId)
    const post = await ContentFacts.post(payload.postId)
    if (!comment || comment.deleted || !post) return null
    const cause = commentCause(comment.id, post, comment.userId)
    if (cursor === 0) {
      const candidates = await mentions(payload.content)
      const answered = payload.replyToId ? await ContentFacts.comment(payload.replyToId) : null
      if (answered && !answered.deleted) {
        candidates.push({ userId: answered.userId, kind: 'reply_to_comment' })
      }
      if (!(await Watches.authorMuted(post.id, post.userId))) {
        candidates.push({ userId: post.userId, kind: 'reply_to_post' })
      }
      await deliver(cause, candidates)
    }
    const watchers = await Watches.postWatchers(post.id, cursor, batch)
    const candidates = watchers.map((userId) => ({ userId, kind: 'watched_post' as const }))
    await deliver(cause, candidates)
    return watchers.length === batch ? watchers[watchers.length - 1] : null
  },

  // Edits notify newly mentioned members only (the others had this cause already).
  async 'post:updated'({ id, payload }) {
    const post = await ContentFacts.post(payload.postId)
    if (!post || post.deleted) return null
    if (payload.restoredFromVersion !== null && payload.userId !== post.userId) {
      await moderation(id, post, payload.userId, 'post_version_restored')
    } else if (payload.userId === post.userId) {
      await deliver(
        postCause(post, post.userId),
        await mentions(`${payload.title}\n${payload.content}`)
      )
    }
    return null
  },

  async 'comment:updated'({ payload }) {
    const comment = await ContentFacts.comment(payload.commentId)
    const post = await ContentFacts.post(payload.postId)
    if (!comment || comment.deleted || !post) return null
    await deliver(commentCause(comment.id, post, comment.userId), await mentions(payload.content))
    return null
  },

  async 'post:deleted'({ id, payload }) {
    await withdraw({ postId: payload.postId })
    const post = await ContentFacts.post(payload.postId)
    if (post && payload.actorId !== post.userId) {
      await moderation(id, post, payload.actorId, 'post_deleted')
    }
    return null
  },

  async 'post:restored'({ id, payload }) {
    const post = await ContentFacts.post(payload.postId)
    if (post && !post.deleted && payload.actorId !== post.userId) {
      await moderation(id, post, payload.actorId, 'post_restored')
    }
    return null
  },

  // A moderator rejected a post that waited for approval: its author is told (Discourse does).
  async 'post:rejected'({ id, payload }) {
    const post = await ContentFacts.post(payload.postId)
    if (post) await moderation(id, post, payload.actorId, 'post_rejected')
    return null
  },

  async 'comment:deleted'({ id, payload }) {
    await withdraw({ commentId: payload.commentId })
    const comment = await ContentFacts.comment(payload.commentId)
    const post = await ContentFacts.post(payload.postId)
    if (comment && post && payload.actorId !== comment.userId) {
      await moderation(id, post, payload.actorId, 'comment_deleted', comment)
    }
    return null
  },

  async 'comment:restored'({ id, payload }) {
    const comment = await ContentFacts.comment(payload.commentId)
    const post = await ContentFacts.post(payload.postId)
    if (comment && !comment.deleted && post && payload.actorId !== comment.userId) {
      await moderation(id, post, payload.actorId, 'comment_restored', comment)
    }
    return null
  },
}

type Post = NonNullable<Awaited<ReturnType<typeof ContentFacts.post>>>
type Comment = NonNullable<Awaited<ReturnType<typeof ContentFacts.comment>>>

function postCause(post: Post, actorId: number): Cause {
  return {
    sourceKey: `post:${post.id}`,
    actorId,
    postId: post.id,
    commentId: null,
    data: { title: post.title },
  }
}

function commentCause(commentId: number, post: Post, actorId: number): Cause {
  return {
    sourceKey: `comment:${commentId}`,
    actorId,
    postId: post.id,
    commentId,
    data: { title: post.title },
  }
}

/** Members mentioned in a text: the first MAX_MENTIONS names of live accounts. */
async function mentions(text: string): Promise<Candidate[]> {
  const names = mentionedNames(text)
  const ids = await NotifiableMembers.idsByNames(names)
  return names
    .map((name) => ids.get(name.toLowerCase()))
    .filter((userId) => userId !== undefined)
    .slice(0, MAX_MENTIONS)
    .map((userId) => ({ userId, kind: 'mention' as const }))
}

/** A staff act on a member's content: its author is told, once per act (the job). */
async function moderation(
  jobId: number,
  post: Post,
  actorId: number,
  action: string,
  comment?: Comment
) {
  const author = comment ? comment.userId : post.userId
  await deliver(
    {
      sourceKey: `moderation:${jobId}`,
      actorId,
      postId: post.id,
      commentId: comment?.id ?? null,
      data: { title: post.title, action },
    },
    [{ userId: author, kind: 'moderation' }]
  )
}
