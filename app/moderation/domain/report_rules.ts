export const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

/**
 * What a moderator decides for a reported post or comment:
 * dismiss: the reports were wrong; content hidden by them is shown again (a deletion stays).
 * delete: the content is deleted.
 * restore: the content is shown again, even if it had been deleted meanwhile.
 * block_author: the content is deleted and its author blocked.
 */
export const REPORT_RESOLUTIONS = ['dismiss', 'delete', 'restore', 'block_author'] as const
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number]

export const REPORT_STATUSES = ['open', 'resolved'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

/** Whether this report makes the open reports reach the limit that hides the content. */
export function reachesHideLimit(openReports: number, limit: number) {
  return limit > 0 && openReports >= limit
}

/** What a resolution does to the content. */
export function contentChange(resolution: ReportResolution) {
  if (resolution === 'dismiss') return 'show-hidden' as const
  if (resolution === 'restore') return 'show' as const
  return 'delete' as const
}
