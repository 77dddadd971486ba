import { invalidate } from '#core/cache/invalidate'
import { CategoryTreeCache } from '#board/services/category_tree_cache'

/**
 * Cache keys and invalidation for what anonymous readers see. Each write
 * drops exactly what it changed, after its transaction committed and
 * before its response is sent, so no reader sees stale data afterwards;
 * other processes drop it within CACHE_CHANGE_POLL_MS (`invalidate`).
 */
export class BoardCache {
  static postKey(postId: number) {
    return `board:post:${postId}`
  }

  static listTag(categoryId: number) {
    return `board:list:${categoryId}`
  }

  /**
   * A member's lists (GET /users/{name}/posts and /comments) and the counts
   * the board adds to the member's profile.
   */
  static memberTag(userId: number) {
    return `board:member:${userId}`
  }

  /**
   * A post's detail and every list that can show it: its category and every
   * category above, and its author's lists and counts.
   */
  static async postChanged(post: { id: number; categoryId: number; userId: number }) {
    const tree = await CategoryTreeCache.get()
    const category = tree.byId(post.categoryId)
    const tags = category ? tree.ancestry(category).map((c) => BoardCache.listTag(c.id)) : []
    await invalidate({
      keys: [BoardCache.postKey(post.id)],
      tags: [...tags, BoardCache.memberTag(post.userId)],
    })
  }

  /** The lists and counts of members whose comments changed (or became visible or hidden). */
  static async membersChanged(userIds: number[]) {
    if (userIds.length) await invalidate({ tags: userIds.map(BoardCache.memberTag) })
  }

  /** Category commands change the tree and every list under it. */
  static async treeChanged() {
    await invalidate({ keys: [CategoryTreeCache.key], tags: ['board:all'] })
  }

  /** Author names appear in every list and detail: a rename or deletion drops them all. */
  static async everythingChanged() {
    await invalidate({ keys: [CategoryTreeCache.key], tags: ['board:all'] })
  }
}
