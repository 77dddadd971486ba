import { test } from '@japa/runner'
import { authorize } from '#core/authorization/authorize'
import CategoryAccessPolicy, { callerKind } from '#board/policies/category_access_policy'
import { CategoryTree } from '#board/domain/category_tree'
import { permissionsOf } from '#board/domain/category_access'
import { ALLOW, decisions } from '#tests/helpers/policy_table'

function tree() {
  const node = (id: number, parentId: number | null, name: string, own = {}) => ({
    id,
    parentId,
    name,
    tier: parentId === null ? 0 : 1,
    position: id,
    postCount: 0,
    own: { read: null, post: null, comment: null, ...own },
  })
  return new CategoryTree([
    node(1, null, 'news', { post: 'moderators' }),
    node(2, 1, 'comments-closed', { comment: 'moderators' }),
    node(3, null, 'staff', { read: 'moderators', post: 'everyone' }),
    node(4, 3, 'open-child', { read: 'everyone' }),
  ])
}

test.group('CategoryAccessPolicy: role x category', () => {
  test('posting in a moderators-only category: staff; members get 403 with a code', async ({
    assert,
  }) => {
    const t = tree()
    const news = t.byName('news')!
    const refused = '403 E_CATEGORY_POST_FORBIDDEN: You may not post in "news"'
    assert.deepEqual(
      await decisions((actor) => authorize(actor, CategoryAccessPolicy, 'post', t, news)),
      {
        'admin, own': ALLOW,
        'admin, other': ALLOW,
        'moderator, own': ALLOW,
        'moderator, other': ALLOW,
        'user, own': refused,
        'user, other': refused,
      }
    )
    // Comments inherit "members" from the board's defaults, not its post setting.
    assert.isTrue(t.allows('member', 'comment', news))
    const closed = t.byName('comments-closed')!
    assert.isFalse(t.allows('member', 'comment', closed))
    assert.isFalse(t.allows('member', 'post', closed))
  })

  test('a child of a closed board is closed too; writing never looser than reading', ({
    assert,
  }) => {
    const t = tree()
    const child = t.byName('open-child')!
    assert.deepEqual(t.access(child), {
      read: 'moderators',
      post: 'moderators',
      comment: 'moderators',
    })
    assert.deepEqual(permissionsOf('member', t.access(child)), {
      read: false,
      post: false,
      comment: false,
    })
    assert.deepEqual(
      t.readableSubtree('member', t.byName('staff')!).map((n) => n.name),
      []
    )
    assert.deepEqual(permissionsOf('anonymous', t.access(t.byName('news')!)), {
      read: true,
      post: false,
      comment: false,
    })
  })

  test('caller kinds: anonymous, a blocked member, members, staff', ({ assert }) => {
    assert.equal(callerKind(null), 'anonymous')
    assert.equal(callerKind({ id: 1, role: 'user', states: ['blocked'] }), 'anonymous')
    assert.equal(callerKind({ id: 1, role: 'user', states: [] }), 'member')
    assert.equal(callerKind({ id: 1, role: 'moderator' }), 'moderator')
    assert.equal(callerKind({ id: 1, role: 'admin', states: [] }), 'moderator')
  })
})
