/**
 * Typed events the board plugin emits after its transaction commits.
 * Payloads carry ids and the changed data; listeners must not assume the
 * rows still look the same when they run.
 */
declare module '@adonisjs/core/types' {
  interface EventsList {
    'post:created': {
      postId: number
      userId: number
      categoryId: number
      title: string
      content: string
    }
    'post:updated': {
      postId: number
      userId: number
      version: number
      title: string
      content: string
      /** Set when the version is a restore of an older one (a moderation act). */
      restoredFromVersion: number | null
    }
    'post:deleted': { postId: number; actorId: number }
    /**
     * A moderator approved a post that waited in the approval queue (docs/moderation.md);
     * `post:created` follows, as for a post published at once.
     */
    'post:approved': { postId: number; userId: number; categoryId: number; actorId: number }
    /** A moderator rejected a post that waited in the approval queue: it stays deleted. */
    'post:rejected': {
      postId: number
      userId: number
      categoryId: number
      actorId: number
      reason: string | null
    }
    'post:restored': { postId: number; actorId: number }
    /** A moderator pinned (pinned: true) or unpinned a post. */
    'post:pinned': { postId: number; actorId: number; categoryId: number; pinned: boolean }
    /** A moderator locked (locked: true) or unlocked a post. */
    'post:locked': { postId: number; actorId: number; categoryId: number; locked: boolean }
    'comment:created': {
      commentId: number
      postId: number
      userId: number
      content: string
      /** The comment of the same post this one answers, or null. */
      replyToId: number | null
    }
    'comment:updated': {
      commentId: number
      postId: number
      userId: number
      version: number
      content: string
    }
    'comment:deleted': { commentId: number; postId: number; actorId: number }
    'comment:restored': { commentId: number; postId: number; actorId: number }
    'vote:toggled': {
      target: 'post' | 'comment'
      targetId: number
      userId: number
      voted: boolean
      votes: number
    }
    /**
     * Moderation hid a live post or comment (members' reports), or showed hidden or deleted
     * content again, or deleted hidden content for good (visible stays false); a post entered
     * the approval queue (visible: false) or was approved (visible: true): not a
     * `post:deleted` / `post:restored`, which are the author's or a moderator's own acts.
     */
    'content:visibility-changed': {
      kind: 'post' | 'comment'
      id: number
      postId: number
      visible: boolean
    }
    'category:changed': {
      categoryId: number | null
      action: 'created' | 'renamed' | 'moved' | 'deleted' | 'permissions'
      /** The category's name after the change (before it, for a delete). */
      name: string
      /** For `permissions`: the category's own settings after the change (null: inherited). */
      permissions?: Record<'read' | 'post' | 'comment', string | null>
      /** Null when an operator did it at the command line. */
      actorId: number | null
    }
  }
}

export {}
