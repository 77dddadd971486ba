/**
 * The moderation plugin's public entry: its events (`report:created`,
 * `report:resolved`) for the audit and webhooks plugins.
 */
import '#moderation/events/moderation_events'

export type { ReportResolution, ReportReason } from '#moderation/domain/report_rules'
