import { test } from '@japa/runner'
import { authorize } from '#core/authorization/authorize'
import AuditPolicy from '#audit/policies/audit_policy'
import { ALLOW, decisions } from '#tests/helpers/policy_table'

test.group('AuditPolicy: role', () => {
  test('admins read the audit log', async ({ assert }) => {
    const refused = '403 E_FORBIDDEN: Only admins may read the audit log'
    assert.deepEqual(await decisions((actor) => authorize(actor, AuditPolicy, 'read')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': refused,
      'moderator, other': refused,
      'user, own': refused,
      'user, other': refused,
    })
  })
})
