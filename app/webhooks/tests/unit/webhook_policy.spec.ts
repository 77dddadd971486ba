import { test } from '@japa/runner'
import { authorize } from '#core/authorization/authorize'
import WebhookPolicy from '#webhooks/policies/webhook_policy'
import { ALLOW, decisions } from '#tests/helpers/policy_table'

test.group('WebhookPolicy: role', () => {
  test('admins manage subscriptions and read deliveries', async ({ assert }) => {
    for (const [action, message] of [
      ['manage', 'Only admins may manage webhooks'],
      ['viewDeliveries', 'Only admins may see webhooks'],
    ] as const) {
      const refused = `403 E_FORBIDDEN: ${message}`
      assert.deepEqual(
        await decisions((actor) => authorize(actor, WebhookPolicy, action)),
        {
          'admin, own': ALLOW,
          'admin, other': ALLOW,
          'moderator, own': refused,
          'moderator, other': refused,
          'user, own': refused,
          'user, other': refused,
        },
        action
      )
    }
  })
})
