import { test } from '@japa/runner'
import { ManageCategories } from '#board/public'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { kindsOf } from '#notifications/tests/helpers'

test.group('Notifications: category permissions', () => {
  test('a member who may not read the category is told nothing about it', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const categories = new ManageCategories()
    const member = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const author = await signedInUser(client, { role: 'moderator' })

    await categories.setPermissions(category, { read: 'moderators' })
    await createPost(client, author, category, {
      content: `Staff only: @${member.name} @${moderator.name}`,
    })
    assert.deepEqual(await kindsOf(client, member), [])
    assert.deepEqual(await kindsOf(client, moderator), ['mention'])

    // A member's own post in a category closed afterwards: replies are not told either.
    await categories.setPermissions(category, { read: 'inherit' })
    const own = await createPost(client, member, category)
    await categories.setPermissions(category, { read: 'moderators' })
    await createComment(client, moderator, own.id)
    assert.deepEqual(await kindsOf(client, member), [])
    await categories.setPermissions(category, { read: 'members' })
    await createComment(client, moderator, own.id, 'again')
    assert.deepEqual(await kindsOf(client, member), ['reply_to_post'])
  })
})
