type Listener = (userIds: number[]) => unknown

/**
 * In-process hooks on notification changes: the realtime channel
 * (`user/{id}`) tells connected members to refetch. A failing listener
 * never fails the write that called it.
 */
class NotificationListeners {
  readonly #listeners = new Set<Listener>()

  on(listener: Listener) {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  async notified(userIds: number[]) {
    if (!userIds.length) return
    for (const listener of this.#listeners) {
      try {
        await listener(userIds)
      } catch {
        // Realtime is best effort: clients refetch the list on reconnect.
      }
    }
  }
}

export const notificationListeners = new NotificationListeners()
