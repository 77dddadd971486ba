import transmit from '@adonisjs/transmit/services/main'
import { CategoryTreeCache, ContentFacts } from '#board/public'
import { defineListeners } from '#core/plugins/plugin_listeners'
import { channels } from '#notifications/realtime/realtime'

/**
 * Board events as realtime hints: ids and counts, never content (a client
 * refetches what it shows, through the API and its rules). A post's
 * events go to its category and every category above it, as lists show
 * subcategories' posts.
 */
export const realtimeListeners = defineListeners({
  'post:created': ({ postId, categoryId }) => toCategories(categoryId, 'post:created', postId),
  'post:updated': async ({ postId, version }) => {
    const post = await ContentFacts.post(postId)
    if (!post) return
    await toCategories(post.categoryId, 'post:updated', postId)
    transmit.broadcast(channels.post(postId), { type: 'post:updated', post_id: postId, version })
  },
  'post:deleted': ({ postId }) => postChanged(postId, 'post:deleted'),
  'post:restored': ({ postId }) => postChanged(postId, 'post:restored'),
  'comment:created': ({ postId, commentId }) => toPost(postId, 'comment:created', commentId),
  'comment:updated': ({ postId, commentId }) => toPost(postId, 'comment:updated', commentId),
  'comment:deleted': ({ postId, commentId }) => toPost(postId, 'comment:deleted', commentId),
  'comment:restored': ({ postId, commentId }) => toPost(postId, 'comment:restored', commentId),
  'vote:toggled': async ({ target, targetId, votes }) => {
    const comment = target === 'comment' ? await ContentFacts.comment(targetId) : null
    const postId = target === 'post' ? targetId : comment?.postId
    if (!postId) return
    transmit.broadcast(channels.post(postId), {
      type: 'vote',
      target,
      target_id: targetId,
      votes,
    })
  },
})

async function postChanged(postId: number, type: string) {
  const post = await ContentFacts.post(postId)
  if (!post) return
  await toCategories(post.categoryId, type, postId)
  transmit.broadcast(channels.post(postId), { type, post_id: postId })
}

async function toCategories(categoryId: number, type: string, postId: number) {
  const tree = await CategoryTreeCache.get()
  const node = tree.byId(categoryId)
  if (!node) return
  for (const category of tree.ancestry(node)) {
    transmit.broadcast(channels.board(category.name), { type, post_id: postId })
  }
}

function toPost(postId: number, type: string, commentId: number) {
  transmit.broadcast(channels.post(postId), { type, post_id: postId, comment_id: commentId })
}
