import { test } from '@japa/runner'
import { authorize } from '#core/authorization/authorize'
import ReportPolicy from '#moderation/policies/report_policy'
import { contentChange, reachesHideLimit } from '#moderation/domain/report_rules'
import { ALLOW, OWNER_ID, decisions } from '#tests/helpers/policy_table'

const owned = { userId: OWNER_ID }

test.group('ReportPolicy: role x ownership', () => {
  test('anyone reports, never their own content', async ({ assert }) => {
    const own = '403 E_FORBIDDEN: You cannot report your own content'
    assert.deepEqual(await decisions((actor) => authorize(actor, ReportPolicy, 'report', owned)), {
      'admin, own': own,
      'admin, other': ALLOW,
      'moderator, own': own,
      'moderator, other': ALLOW,
      'user, own': own,
      'user, other': ALLOW,
    })
  })

  test('staff work the queue', async ({ assert }) => {
    const staff = '403 E_FORBIDDEN: Moderators and admins only'
    assert.deepEqual(await decisions((actor) => authorize(actor, ReportPolicy, 'moderate')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': staff,
      'user, other': staff,
    })
  })
})

test.group('Report rules', () => {
  test('the limit hides at exactly REPORTS_TO_HIDE; 0 never hides', ({ assert }) => {
    assert.isFalse(reachesHideLimit(2, 3))
    assert.isTrue(reachesHideLimit(3, 3))
    assert.isFalse(reachesHideLimit(100, 0))
  })

  test('what each decision does to the content', ({ assert }) => {
    assert.equal(contentChange('dismiss'), 'show-hidden')
    assert.equal(contentChange('restore'), 'show')
    assert.equal(contentChange('delete'), 'delete')
    assert.equal(contentChange('block_author'), 'delete')
  })
})
