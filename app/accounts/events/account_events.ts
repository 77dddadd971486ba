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
    /** The name, the email or the picture (avatar_template) changed. */
    'user:updated': { userId: number; name: string }
    'user:deleted': { userId: number; actorId: number | null }
    'user:logged-in': { userId: number; ip: string | null }
    /** A password set without the old one: by reset link (actorId = userId) or by an operator (null). */
    'user:password-reset': { userId: number; actorId: number | null }
    /** The account's address, or the new one an email change waited on, was verified. */
    'user:email-verified': { userId: number }
  }
}

export {}
