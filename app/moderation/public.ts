/**
 * The moderation plugin's public entry: its events (`report:created`,
 * `report:resolved`) for the audit and webhooks plugins, and the report
 * queue for the admin panel's page (the actions ask ReportPolicy).
 */
import '#moderation/events/moderation_events'

export type { ReportReason, ReportResolution, ReportStatus } from '#moderation/domain/report_rules'
export { REPORT_RESOLUTIONS } from '#moderation/domain/report_rules'
export { default as ReportPolicy } from '#moderation/policies/report_policy'
export { ReportQueue, type ReportQueuePage } from '#moderation/actions/report_queue'
export { ResolveReport, type ResolveInput } from '#moderation/actions/resolve_report'
export { resolveValidator } from '#moderation/validators/report_validators'
export type { ReportCaseJson } from '#moderation/transformers/report_case_json'
// The approval queue (NEW_USER_APPROVAL_POSTS) for the admin panel's page.
export { default as ApprovalPolicy } from '#moderation/policies/approval_policy'
export { ApprovalQueue, type ApprovalQueuePage } from '#moderation/actions/approval_queue'
