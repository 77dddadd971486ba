/** Typed events the moderation plugin emits after its transaction commits. */
declare module '@adonisjs/core/types' {
  interface EventsList {
    'report:created': {
      reportId: number
      /** The group of open reports on the same content (the queue item). */
      caseId: number
      targetType: 'post' | 'comment'
      targetId: number
      reporterId: number
      reason: string
      /** Distinct members with an open report on the content, this one included. */
      openReports: number
      /** This report hid the content (REPORTS_TO_HIDE reached). */
      hid: boolean
    }
    'report:resolved': {
      caseId: number
      targetType: 'post' | 'comment'
      targetId: number
      action: 'dismiss' | 'delete' | 'restore' | 'block_author'
      note: string | null
      /** The reports closed together. */
      reportIds: number[]
      /** The content's author. */
      authorId: number
      actorId: number
    }
  }
}

export {}
