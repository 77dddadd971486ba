/**
 * The audit plugin's public entry: the only file other plugins may import.
 * Everything else in app/audit is private.
 */
export { ListAuditEntries } from '#audit/actions/list_audit_entries'
export { default as AuditPolicy } from '#audit/policies/audit_policy'
