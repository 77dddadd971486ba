import type { AuthUser } from '#accounts/public'

/** Answers true when this member's next post must wait for a moderator's approval. */
export type ApprovalRule = (author: AuthUser) => Promise<boolean> | boolean

/**
 * Whether a new post waits in the approval queue. The board holds no rule
 * of its own: the moderation plugin registers one at boot
 * (NEW_USER_APPROVAL_POSTS), so with that plugin off every post is live at
 * once. Any rule answering true holds the post.
 */
class PostApproval {
  #rules = new Set<ApprovalRule>()

  /** Returns a function that takes the rule off again. */
  holdWhen(rule: ApprovalRule) {
    this.#rules.add(rule)
    return () => {
      this.#rules.delete(rule)
    }
  }

  async holds(author: AuthUser) {
    for (const rule of this.#rules) if (await rule(author)) return true
    return false
  }
}

export const postApproval = new PostApproval()
