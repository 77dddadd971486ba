import { test } from '@japa/runner'
import { authorize } from '#core/authorization/authorize'
import ApiTokenPolicy from '#accounts/policies/api_token_policy'
import { ALLOW, FORBIDDEN, OWNER_ID, decisions } from '#tests/helpers/policy_table'

// "own" is the actor's own account (the tokens' owner), "other" someone else's.
test.group('ApiTokenPolicy: role x owner', () => {
  test('the owner and staff list an account’s tokens', async ({ assert }) => {
    const owner = { id: OWNER_ID }
    assert.deepEqual(await decisions((actor) => authorize(actor, ApiTokenPolicy, 'list', owner)), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': ALLOW,
      'user, other': FORBIDDEN,
    })
  })

  test('the owner and staff revoke a member’s tokens', async ({ assert }) => {
    const owner = { id: OWNER_ID, role: 'user' as const }
    assert.deepEqual(
      await decisions((actor) => authorize(actor, ApiTokenPolicy, 'revoke', owner)),
      {
        'admin, own': ALLOW,
        'admin, other': ALLOW,
        'moderator, own': ALLOW,
        'moderator, other': ALLOW,
        'user, own': ALLOW,
        'user, other': FORBIDDEN,
      }
    )
  })

  test('only admins (and the owner) revoke the tokens of staff', async ({ assert }) => {
    const adminsOnly = '403 E_FORBIDDEN: Only admins may revoke the API tokens of staff'
    for (const role of ['moderator', 'admin'] as const) {
      const owner = { id: OWNER_ID, role }
      assert.deepEqual(
        await decisions((actor) => authorize(actor, ApiTokenPolicy, 'revoke', owner)),
        {
          'admin, own': ALLOW,
          'admin, other': ALLOW,
          'moderator, own': ALLOW,
          'moderator, other': adminsOnly,
          'user, own': ALLOW,
          'user, other': FORBIDDEN,
        },
        role
      )
    }
  })
})
