import { test } from '@japa/runner'
import { authorize } from '#core/authorization/authorize'
import UserPolicy from '#accounts/policies/user_policy'
import type { Actor } from '#accounts/policies/role_at_least'
import { ALLOW, FORBIDDEN, OWNER_ID, decisions } from '#tests/helpers/policy_table'

// "own" is the actor's own account (the target), "other" someone else's.
const SELF = '403 E_FORBIDDEN: You cannot block or unblock yourself'

test.group('UserPolicy: role x target', () => {
  test('staff open the admin panel', async ({ assert }) => {
    const refused = '403 E_NOT_STAFF: The admin panel is for moderators and admins only'
    assert.deepEqual(await decisions((actor) => authorize(actor, UserPolicy, 'accessPanel')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': refused,
      'user, other': refused,
    })
  })

  test('staff list accounts', async ({ assert }) => {
    assert.deepEqual(await decisions((actor) => authorize(actor, UserPolicy, 'list')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': FORBIDDEN,
      'user, other': FORBIDDEN,
    })
  })

  test('staff block users, never themselves', async ({ assert }) => {
    const target = { id: OWNER_ID, role: 'user' as const }
    assert.deepEqual(await decisions((actor) => authorize(actor, UserPolicy, 'block', target)), {
      'admin, own': SELF,
      'admin, other': ALLOW,
      'moderator, own': SELF,
      'moderator, other': ALLOW,
      'user, own': SELF,
      'user, other': FORBIDDEN,
    })
  })

  test('only admins block staff', async ({ assert }) => {
    const staffOnly = '403 E_FORBIDDEN: Only admins may block staff'
    for (const role of ['moderator', 'admin'] as const) {
      const target = { id: OWNER_ID, role }
      assert.deepEqual(
        await decisions((actor) => authorize(actor, UserPolicy, 'block', target)),
        {
          'admin, own': SELF,
          'admin, other': ALLOW,
          'moderator, own': SELF,
          'moderator, other': staffOnly,
          'user, own': SELF,
          'user, other': FORBIDDEN,
        },
        role
      )
    }
  })

  test('admins change the roles of others', async ({ assert }) => {
    const own = '403 E_FORBIDDEN: You cannot change your own role here'
    const adminsOnly = '403 E_FORBIDDEN: Only admins may change roles'
    const target = { id: OWNER_ID }
    assert.deepEqual(
      await decisions((actor) => authorize(actor, UserPolicy, 'changeRole', target)),
      {
        'admin, own': own,
        'admin, other': ALLOW,
        'moderator, own': own,
        'moderator, other': adminsOnly,
        'user, own': own,
        'user, other': adminsOnly,
      }
    )
  })

  test('with REQUIRE_VERIFIED_EMAIL, only verified accounts post, comment and vote; staff too', async ({
    assert,
  }) => {
    const refused =
      '403 E_EMAIL_NOT_VERIFIED: Verify your email address first: follow the link mailed to you'
    for (const [require, verified, expected] of [
      [false, false, ALLOW],
      [false, true, ALLOW],
      [true, true, ALLOW],
      [true, false, refused],
    ] as const) {
      const table = await decisions((actor) =>
        authorize({ ...actor, emailVerified: verified }, UserPolicy, 'contribute', require)
      )
      assert.deepEqual(new Set(Object.values(table)), new Set([expected]), `${require} ${verified}`)
    }
    // An operator at the command line is nobody's account.
    await authorize(null as Actor | null, UserPolicy, 'contribute', true)
  })

  test('staff skip the spam limits on writes', async ({ assert }) => {
    assert.deepEqual(await decisions((actor) => authorize(actor, UserPolicy, 'skipWriteLimits')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': FORBIDDEN,
      'user, other': FORBIDDEN,
    })
  })
})
