/** Nothing to bind: the manifest's listeners record, the action and command read. */
export default class AuditProvider {}
