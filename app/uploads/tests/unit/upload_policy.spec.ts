import { test } from '@japa/runner'
import { authorize } from '#core/authorization/authorize'
import UploadPolicy from '#uploads/policies/upload_policy'
import { ALLOW, FORBIDDEN, OWNER_ID, decisions } from '#tests/helpers/policy_table'

const upload = { userId: OWNER_ID }

test.group('UploadPolicy: role x ownership', () => {
  test('the uploader and staff see and delete an upload', async ({ assert }) => {
    const table = (refusal: string) => ({
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': ALLOW,
      'user, other': refusal,
    })
    assert.deepEqual(
      await decisions((actor) => authorize(actor, UploadPolicy, 'view', upload)),
      table(FORBIDDEN)
    )
    assert.deepEqual(
      await decisions((actor) => authorize(actor, UploadPolicy, 'delete', upload)),
      table('403 E_FORBIDDEN: Only the uploader or a moderator may delete this upload')
    )
  })

  test('staff browse everyone’s uploads (the admin panel’s page); members do not', async ({
    assert,
  }) => {
    const refused = '403 E_FORBIDDEN: Only moderators and admins may browse uploads'
    assert.deepEqual(await decisions((actor) => authorize(actor, UploadPolicy, 'browse')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': refused,
      'user, other': refused,
    })
  })
})
