/**
 * The webhooks plugin's public entry: the only file other plugins may
 * import. Admins manage subscriptions through these actions (each checks
 * the caller); everything else in app/webhooks is private.
 */
export { ManageWebhooks } from '#webhooks/actions/manage_webhooks'
export { ListDeliveries } from '#webhooks/actions/list_deliveries'
export { default as WebhookPolicy } from '#webhooks/policies/webhook_policy'
