/**
 * Registers the approval rule with the board (NEW_USER_APPROVAL_POSTS); the
 * routes call the actions, the events are typed by the import. Imports are
 * lazy: the board's public entry uses services that exist once the app booted.
 */
export default class ModerationProvider {
  #removeRule?: () => void

  async start() {
    await import('#moderation/events/moderation_events')
    const { postApproval } = await import('#board/public')
    const { needsApproval } = await import('#moderation/domain/new_user_approval')
    this.#removeRule = postApproval.holdWhen(needsApproval)
  }

  async shutdown() {
    this.#removeRule?.()
  }
}
