import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { authorize } from '#core/authorization/authorize'
import config from '#moderation/config'
import ApprovalPolicy from '#moderation/policies/approval_policy'
import { ALLOW, decisions } from '#tests/helpers/policy_table'

test.group('ApprovalPolicy', () => {
  test('moderators and admins decide on waiting posts', async ({ assert }) => {
    const refused = '403 E_FORBIDDEN: Moderators and admins only'
    assert.deepEqual(await decisions((actor) => authorize(actor, ApprovalPolicy, 'decide')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': refused,
      'user, other': refused,
    })
  })

  test('staff skip the queue, members do not', async ({ assert }) => {
    const table = await decisions((actor) => authorize(actor, ApprovalPolicy, 'skipQueue'))
    assert.deepEqual(
      Object.entries(table)
        .filter(([, decision]) => decision === ALLOW)
        .map(([label]) => label),
      ['admin, own', 'admin, other', 'moderator, own', 'moderator, other']
    )
  })
})

test.group('NEW_USER_APPROVAL_POSTS', () => {
  test('is a whole number from 0 (off) to 1000', async ({ assert }) => {
    const check = (value: unknown) =>
      vine.validate({
        schema: config.schema,
        data: { reportsToHide: 3, newUserApprovalPosts: value },
      })
    for (const valid of [0, 1, 1000]) {
      assert.equal((await check(valid)).newUserApprovalPosts, valid)
    }
    for (const invalid of [-1, 1.5, 1001, 'many']) {
      await assert.rejects(() => check(invalid))
    }
  })
})
