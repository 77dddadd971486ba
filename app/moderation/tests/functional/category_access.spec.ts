import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import { ManageCategories } from '#board/public'
import { signedInUser } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'

test.group('Reports: category permissions', (group) => {
  group.each.setup(() => limiter.clear())

  test('content the member may not read cannot be reported: 404, as if it did not exist', async ({
    client,
  }) => {
    const { category } = await createBoard()
    const member = await signedInUser(client)
    const moderator = await signedInUser(client, { role: 'moderator' })
    const post = await createPost(client, moderator, category)
    const comment = await createComment(client, moderator, post.id)
    await new ManageCategories().setPermissions(category, { read: 'moderators' })

    for (const url of [`/api/v1/post/${post.id}/report`, `/api/v1/comment/${comment.id}/report`]) {
      const refused = await client.post(url).headers(member.auth).json({ reason: 'spam' })
      refused.assertStatus(404)
      refused.assertBodyContains({ errors: [{ code: 'E_NOT_FOUND' }] })
    }
    await new ManageCategories().setPermissions(category, { read: 'members' })
    const reported = await client
      .post(`/api/v1/post/${post.id}/report`)
      .headers(member.auth)
      .json({ reason: 'spam' })
    reported.assertStatus(201)
  })
})
