import { test } from '@japa/runner'
import { authorize } from '#core/authorization/authorize'
import PendingPostPolicy from '#board/policies/pending_post_policy'
import { ALLOW, decisions, OWNER_ID } from '#tests/helpers/policy_table'

const post = { userId: OWNER_ID }
const notFound = '404 E_NOT_FOUND: Post not found'

test.group('PendingPostPolicy: a post waiting for approval', () => {
  test('its author and staff read it', async ({ assert }) => {
    assert.deepEqual(
      await decisions((actor) => authorize(actor, PendingPostPolicy, 'view', post)),
      {
        'admin, own': ALLOW,
        'admin, other': ALLOW,
        'moderator, own': ALLOW,
        'moderator, other': ALLOW,
        'user, own': ALLOW,
        'user, other': '403 E_FORBIDDEN: You are not allowed to do this',
      }
    )
  })

  test('its author edits it; staff may not; to others it does not exist', async ({ assert }) => {
    const staff = '403 E_FORBIDDEN: Only the author may edit this post'
    assert.deepEqual(
      await decisions((actor) => authorize(actor, PendingPostPolicy, 'edit', post)),
      {
        'admin, own': ALLOW,
        'admin, other': staff,
        'moderator, own': ALLOW,
        'moderator, other': staff,
        'user, own': ALLOW,
        'user, other': notFound,
      }
    )
  })

  test('its author withdraws it; staff reject it instead', async ({ assert }) => {
    const staff =
      '409 E_PENDING_APPROVAL: This post awaits approval: reject it in the approval queue'
    assert.deepEqual(
      await decisions((actor) => authorize(actor, PendingPostPolicy, 'withdraw', post)),
      {
        'admin, own': ALLOW,
        'admin, other': staff,
        'moderator, own': ALLOW,
        'moderator, other': staff,
        'user, own': ALLOW,
        'user, other': notFound,
      }
    )
  })
})
