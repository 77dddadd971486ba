/**
 * Typed events the uploads plugin emits after the change is made.
 * `actorId` is null when an operator acted at the command line.
 */
declare module '@adonisjs/core/types' {
  interface EventsList {
    /** An upload removed through DeleteUpload (the API or the admin panel), not by the prune job. */
    'upload:deleted': { uploadId: number; userId: number; actorId: number | null }
  }
}

export {}
