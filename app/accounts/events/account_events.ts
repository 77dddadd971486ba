/**
 * Typed events the accounts plugin emits after its transaction commits.
 * Other plugins listen with `emitter.on('user:blocked', ...)`.
 */
declare module '@adonisjs/core/types' {
  interface EventsList {
    'user:registered': { userId: number; name: string; role: string }
    'user:blocked': { userId: number; reason: string | null; actorId: number | null }
    'user:unblocked': { userId: number; actorId: number | null }
    'user:role-changed': { userId: number; role: string; actorId: number | null }
    'user:updated': { userId: number; name: string }
    'user:deleted': { userId: number; actorId: number | null }
    'user:logged-in': { userId: number; ip: string | null }
  }
}

export {}
