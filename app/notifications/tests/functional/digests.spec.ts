import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signedInUser, type Session } from '#tests/helpers/accounts'
import { createBoard, createComment, createPost } from '#tests/helpers/board'
import { queuedMailsTo } from '#tests/helpers/mail'
import { backgroundSettled } from '#core/background/after_response'
import { sqlNow } from '#core/database/sql_now'
import { DigestMailer } from '#notifications/services/digest_mailer'
import { unreadCount } from '#notifications/tests/helpers'

const MINUTES = 15

/** Digest mails to the address, newest first (registration queued a verification mail too). */
async function digestsTo(address: string) {
  return (await queuedMailsTo(address)).filter((mail) => mail.template === 'notifications::digest')
}

async function verified(session: Session) {
  await db.from('users').where('id', session.id).update({ email_verified_at: sqlNow() })
  return `${session.name.toLowerCase()}@example.com`
}

test.group('Notifications: email digests', () => {
  test('email kinds are mailed as a digest, at most one per period, with a signed unsubscribe link', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const [author, commenter] = [await signedInUser(client), await signedInUser(client)]
    const address = await verified(author)
    const post = await createPost(client, author, category, { title: 'Digest me' })
    await createComment(client, commenter, post.id)
    await createComment(client, commenter, post.id, `Hey @${author.name}`)
    await backgroundSettled()

    const now = Date.now()
    await DigestMailer.sendDue(MINUTES, now)
    let mails = await digestsTo(address)
    assert.lengthOf(mails, 1)
    assert.equal(mails[0].subject, '2 new notifications')
    assert.include(mails[0].text, `${commenter.name} mentioned you in "Digest me"`)
    assert.include(mails[0].text, `${commenter.name} replied to your post "Digest me"`)
    // Mailed notifications stay unread in the app.
    assert.equal(await unreadCount(client, author), 2)

    // Within the period: waits; after it: the next digest.
    await createComment(client, commenter, post.id)
    await backgroundSettled()
    await DigestMailer.sendDue(MINUTES, now + 60_000)
    assert.lengthOf(await digestsTo(address), 1)
    await DigestMailer.sendDue(MINUTES, now + MINUTES * 60_000 + 1)
    mails = await digestsTo(address)
    assert.lengthOf(mails, 2)
    assert.include(mails[0].subject, 'replied to your post')

    // One click: every email kind becomes app; a forged token is refused.
    const link = mails[0].text.match(/https?:\/\/\S+\/notifications\/unsubscribe\?token=\S+/)![0]
    const url = new URL(link)
    const forged = await client.get(`${url.pathname}?token=${url.searchParams.get('token')}x`)
    forged.assertStatus(400)
    forged.assertBodyContains({ errors: [{ code: 'E_INVALID_TOKEN' }] })
    const done = await client.get(`${url.pathname}${url.search}`)
    done.assertStatus(200)
    assert.isTrue(done.body().unsubscribed)
    assert.notInclude(Object.values(done.body().settings), 'email')

    await createComment(client, commenter, post.id)
    await backgroundSettled()
    await DigestMailer.sendDue(MINUTES, now + 2 * MINUTES * 60_000 + 2)
    assert.lengthOf(await digestsTo(address), 2)

    // Mail clients' one-click button (RFC 8058): a form POST to the List-Unsubscribe link.
    const headers = mails[0].headers
    assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
    assert.equal(headers['List-Unsubscribe'], `<${link}>`)
    await client
      .put('/api/v1/user/notification-settings')
      .headers(author.auth)
      .json({ mention: 'email' })
    const oneClick = await client
      .post(`${url.pathname}${url.search}`)
      .form({ 'List-Unsubscribe': 'One-Click' })
    oneClick.assertStatus(200)
    assert.equal(oneClick.body().settings.mention, 'app')
  })

  test('read notifications, app-only kinds and unverified addresses are not mailed', async ({
    client,
    assert,
  }) => {
    const { category } = await createBoard()
    const [author, commenter, unverified] = [
      await signedInUser(client),
      await signedInUser(client),
      await signedInUser(client),
    ]
    const address = await verified(author)
    const post = await createPost(client, author, category)
    await createComment(client, commenter, post.id)
    await createComment(client, commenter, post.id, `@${unverified.name} see`)
    await backgroundSettled()
    await client.post('/api/v1/notifications/read').headers(author.auth).json({ all: true })
    await DigestMailer.sendDue(MINUTES, Date.now() + 10 * MINUTES * 60_000)
    assert.lengthOf(await digestsTo(address), 0)
    assert.lengthOf(await digestsTo(`${unverified.name.toLowerCase()}@example.com`), 0)
    assert.equal(await unreadCount(client, unverified), 1)
  })
})
