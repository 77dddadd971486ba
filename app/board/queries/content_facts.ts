import db from '@adonisjs/lucid/services/db'

/** What a plugin reacting to board events may need about a post. */
export interface PostFacts {
  id: number
  userId: number
  categoryId: number
  /** The current version's title. */
  title: string
  deleted: boolean
}

/** What a plugin reacting to board events may need about a comment. */
export interface CommentFacts {
  id: number
  postId: number
  userId: number
  /** The comment itself is deleted, or the post it is on. */
  deleted: boolean
}

/**
 * Read model of posts and comments by id, deleted ones included (with the
 * flag), for plugins that act on board events after the fact
 * (notifications): the rows may have changed since the event.
 */
export class ContentFacts {
  static async post(postId: number): Promise<PostFacts | null> {
    const row = await db
      .from('posts')
      .join('post_versions', (join) =>
        join
          .on('post_versions.post_id', 'posts.id')
          .andOn('post_versions.version', 'posts.current_version')
      )
      .where('posts.id', postId)
      .select('posts.id', 'posts.user_id', 'posts.category_id', 'posts.deleted_at')
      .select('post_versions.title')
      .first()
    if (!row) return null
    return {
      id: Number(row.id),
      userId: Number(row.user_id),
      categoryId: Number(row.category_id),
      title: String(row.title),
      deleted: row.deleted_at !== null,
    }
  }

  static async comment(commentId: number): Promise<CommentFacts | null> {
    const row = await db
      .from('comments')
      .join('posts', 'posts.id', 'comments.post_id')
      .where('comments.id', commentId)
      .select('comments.id', 'comments.post_id', 'comments.user_id')
      .select('comments.deleted_at', 'posts.deleted_at as post_deleted_at')
      .first()
    if (!row) return null
    return {
      id: Number(row.id),
      postId: Number(row.post_id),
      userId: Number(row.user_id),
      deleted: row.deleted_at !== null || row.post_deleted_at !== null,
    }
  }
}
