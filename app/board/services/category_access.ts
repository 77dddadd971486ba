import db from '@adonisjs/lucid/services/db'
import { AuthUserLookup } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { callerKind, type Reader } from '#board/policies/category_access_policy'
import { ContentFacts } from '#board/queries/content_facts'

/**
 * Category permissions for other plugins (notifications, ...), which show
 * board content to members: who may read a category or a post. Answers from
 * the cached tree; members' roles only when a category is closed to some
 * members (moderators only), from the cached account snapshots.
 */
export class CategoryAccess {
  /** Whether this reader (null: anonymous) may read the category; false when it does not exist. */
  static async canRead(reader: Reader, categoryId: number) {
    const tree = await CategoryTreeCache.get()
    const node = tree.byId(categoryId)
    return Boolean(node && tree.allows(callerKind(reader), 'read', node))
  }

  /** Whether this reader may read the post's category; false for a missing post. */
  static async canReadPost(reader: Reader, postId: number) {
    const post = await ContentFacts.post(postId)
    return post ? CategoryAccess.canRead(reader, post.categoryId) : false
  }

  /**
   * 404 (as if missing) unless the reader may read the category of the post
   * or comment: content in a category closed to a member is out of their
   * reach for edits, deletes and restores too, their own included
   * (Discourse). A missing one passes: the action's own 404 follows.
   */
  static async assertReachable(reader: Reader, kind: 'post' | 'comment', id: number) {
    const row =
      kind === 'post'
        ? await db.from('posts').where('id', id).select('category_id').first()
        : await db
            .from('comments')
            .join('posts', 'posts.id', 'comments.post_id')
            .where('comments.id', id)
            .select('posts.category_id')
            .first()
    if (row && !(await CategoryAccess.canRead(reader, Number(row.category_id)))) {
      throw AppException.notFound(kind === 'post' ? 'Post' : 'Comment')
    }
  }

  /**
   * The members among `userIds` who may read the post (a missing post: none).
   * Members who may not are never told about it (Discourse: a category you
   * cannot see does not exist for you, in notifications neither).
   */
  static async readersOfPost(postId: number, userIds: number[]): Promise<Set<number>> {
    const post = await ContentFacts.post(postId)
    if (!post || !userIds.length) return new Set()
    const tree = await CategoryTreeCache.get()
    const node = tree.byId(post.categoryId)
    if (!node) return new Set()
    if (tree.allows('member', 'read', node)) {
      // Every live member may (blocked ones are not notified anyway).
      return new Set(userIds)
    }
    const readers = new Set<number>()
    for (const userId of userIds) {
      const user = await AuthUserLookup.find(userId)
      if (user && tree.allows(callerKind(user), 'read', node)) readers.add(userId)
    }
    return readers
  }
}
