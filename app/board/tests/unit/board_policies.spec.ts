import { test } from '@japa/runner'
import { authorize } from '#core/authorization/authorize'
import PostPolicy from '#board/policies/post_policy'
import CommentPolicy from '#board/policies/comment_policy'
import CategoryPolicy from '#board/policies/category_policy'
import { ALLOW, FORBIDDEN, OWNER_ID, decisions } from '#tests/helpers/policy_table'

const owned = { userId: OWNER_ID }
const STAFF_ONLY = '403 E_FORBIDDEN: Moderators and admins only'

test.group('PostPolicy: role x ownership', () => {
  test('only the author edits', async ({ assert }) => {
    const refused = '403 E_FORBIDDEN: Only the author may edit this post'
    assert.deepEqual(await decisions((actor) => authorize(actor, PostPolicy, 'edit', owned)), {
      'admin, own': ALLOW,
      'admin, other': refused,
      'moderator, own': ALLOW,
      'moderator, other': refused,
      'user, own': ALLOW,
      'user, other': refused,
    })
  })

  test('a locked post: staff edit; the author gets 423; others 403', async ({ assert }) => {
    const locked = { ...owned, lockedAt: new Date() }
    const refused = '403 E_FORBIDDEN: Only the author may edit this post'
    assert.deepEqual(await decisions((actor) => authorize(actor, PostPolicy, 'edit', locked)), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': '423 E_LOCKED: This post is locked',
      'user, other': refused,
    })
  })

  test('a locked post takes no comments or votes, from anyone', async ({ assert }) => {
    const locked = { ...owned, lockedAt: new Date() }
    const all = await decisions((actor) => authorize(actor, PostPolicy, 'contribute', locked))
    for (const decision of Object.values(all))
      assert.equal(decision, '423 E_LOCKED: This post is locked')
    const open = await decisions((actor) => authorize(actor, PostPolicy, 'contribute', owned))
    for (const decision of Object.values(open)) assert.equal(decision, ALLOW)
  })

  test('pins and locks: staff only', async ({ assert }) => {
    assert.deepEqual(await decisions((actor) => authorize(actor, PostPolicy, 'moderate')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': STAFF_ONLY,
      'user, other': STAFF_ONLY,
    })
  })

  test('the author deletes until others comment; staff always', async ({ assert }) => {
    const stranger = '403 E_FORBIDDEN: Only the author or a moderator may delete this post'
    const quiet = await decisions((actor) => authorize(actor, PostPolicy, 'delete', owned, false))
    assert.deepEqual(quiet, {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': ALLOW,
      'user, other': stranger,
    })
    const discussed = await decisions((actor) =>
      authorize(actor, PostPolicy, 'delete', owned, true)
    )
    assert.deepEqual(discussed, {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own':
        '409 E_POST_HAS_COMMENTS: Others have commented on this post; a moderator can delete it',
      'user, other': stranger,
    })
  })

  test('the author and staff restore the post and old versions', async ({ assert }) => {
    const expected = {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': ALLOW,
      'user, other': FORBIDDEN,
    }
    assert.deepEqual(
      await decisions((actor) => authorize(actor, PostPolicy, 'restore', owned)),
      expected
    )
    assert.deepEqual(
      await decisions((actor) => authorize(actor, PostPolicy, 'restoreVersion', owned)),
      expected
    )
  })

  test('staff list deleted posts', async ({ assert }) => {
    assert.deepEqual(await decisions((actor) => authorize(actor, PostPolicy, 'viewDeleted')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': STAFF_ONLY,
      'user, other': STAFF_ONLY,
    })
  })
})

test.group('CommentPolicy: role x ownership', () => {
  test('only the author edits', async ({ assert }) => {
    const refused = '403 E_FORBIDDEN: Only the author may edit this comment'
    assert.deepEqual(await decisions((actor) => authorize(actor, CommentPolicy, 'edit', owned)), {
      'admin, own': ALLOW,
      'admin, other': refused,
      'moderator, own': ALLOW,
      'moderator, other': refused,
      'user, own': ALLOW,
      'user, other': refused,
    })
  })

  test('the author and staff delete and restore', async ({ assert }) => {
    const expected = {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': ALLOW,
      'user, other': FORBIDDEN,
    }
    assert.deepEqual(
      await decisions((actor) => authorize(actor, CommentPolicy, 'delete', owned)),
      expected
    )
    assert.deepEqual(
      await decisions((actor) => authorize(actor, CommentPolicy, 'restore', owned)),
      expected
    )
  })

  test('staff list deleted comments', async ({ assert }) => {
    assert.deepEqual(await decisions((actor) => authorize(actor, CommentPolicy, 'viewDeleted')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': STAFF_ONLY,
      'user, other': STAFF_ONLY,
    })
  })
})

test.group('CategoryPolicy', () => {
  test('staff change the tree', async ({ assert }) => {
    const refused = '403 E_FORBIDDEN: Only moderators and admins may change categories'
    assert.deepEqual(await decisions((actor) => authorize(actor, CategoryPolicy, 'manage')), {
      'admin, own': ALLOW,
      'admin, other': ALLOW,
      'moderator, own': ALLOW,
      'moderator, other': ALLOW,
      'user, own': refused,
      'user, other': refused,
    })
  })
})

test.group('Content hidden by reports (moderation plugin)', () => {
  test('content hidden by reports is restored by no one outside the queue', async ({ assert }) => {
    const hidden = { userId: OWNER_ID, hiddenAt: new Date() }
    const refused = '409 E_HIDDEN_BY_MODERATION: Hidden after reports until a moderator decides'
    for (const policy of [PostPolicy, CommentPolicy]) {
      const table = await decisions((actor) => authorize(actor, policy, 'restore', hidden))
      assert.deepEqual(Object.values(table), Array(6).fill(refused))
    }
  })
})
