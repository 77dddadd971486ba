import db from '@adonisjs/lucid/services/db'
import { appUrl } from '#config/app'
import env from '#start/env'
import { NotifiableMembers, withAuthorName } from '#accounts/public'
import { queueMail } from '#mail/public'
import { sqlTime } from '#core/database/sql_now'
import { signUnsubscribe } from '#notifications/domain/unsubscribe_token'
import { describe } from '#notifications/domain/describe'

/** At most this many notifications are listed in one mail (the rest as "and n more"). */
const LISTED = 20

/**
 * Email digests: notifications whose kind the member set to `email` wait
 * (`email_pending`) until the member's next digest, at most one every
 * `minutes`. Reading a notification first takes it out of the digest.
 * Mail goes through the mail plugin's outbox, queued in the same
 * transaction that marks the notifications mailed, so a digest is queued
 * once. Only live accounts with a verified address get mail.
 */
export class DigestMailer {
  static unsubscribeLink(userId: number) {
    const token = signUnsubscribe(userId, env.get('APP_KEY').release())
    return `${appUrl}/api/v1/notifications/unsubscribe?token=${token}`
  }

  /** Queues the digests that are due; answers how many mails. */
  static async sendDue(minutes: number, now = Date.now(), limit = 100) {
    const pending = await db
      .from('notifications')
      .where('email_pending', true)
      .distinct('user_id')
      .limit(limit * 5)
    const userIds = pending.map((row) => Number(row.user_id))
    if (!userIds.length) return 0
    const recent = await db
      .from('notification_mailings')
      .whereIn('user_id', userIds)
      .where('last_sent_at', '>', sqlTime(now - minutes * 60_000))
      .select('user_id')
    const waiting = new Set(recent.map((row) => Number(row.user_id)))
    const due = userIds.filter((id) => !waiting.has(id)).slice(0, limit)
    const found = await NotifiableMembers.mailboxes(due)
    const mailboxes = new Map(found.map((mailbox) => [mailbox.id, mailbox]))
    let sent = 0
    for (const userId of due) {
      const mailbox = mailboxes.get(userId)
      if (mailbox && mailbox.emailVerified) {
        if (await DigestMailer.#send(mailbox, minutes, now)) sent++
      } else {
        // No mail can go to this member: the notifications stay in the app only.
        await db.from('notifications').where('user_id', userId).update({ email_pending: false })
      }
    }
    return sent
  }

  static async #send(
    mailbox: { id: number; name: string; email: string },
    minutes: number,
    now: number
  ) {
    return db.transaction(async (trx) => {
      const query = trx
        .from('notifications as n')
        .where('n.user_id', mailbox.id)
        .where('n.email_pending', true)
        .orderBy('n.id', 'desc')
        .select('n.id', 'n.kind', 'n.data')
      withAuthorName(query, 'n.actor_id', { name: 'actor_name', deletedAt: 'actor_deleted_at' })
      const rows = await query
      if (!rows.length) return false
      await trx
        .from('notifications')
        .whereIn(
          'id',
          rows.map((row) => row.id)
        )
        .update({ email_pending: false })
      const at = sqlTime(now)
      await trx.from('notification_mailings').where('user_id', mailbox.id).delete()
      await trx.table('notification_mailings').insert({ user_id: mailbox.id, last_sent_at: at })
      const items = rows
        .slice(0, LISTED)
        .map((row) =>
          describe(
            row.kind,
            row.actor_name && !row.actor_deleted_at ? String(row.actor_name) : null,
            JSON.parse(row.data)
          )
        )
      await queueMail(
        {
          to: { address: mailbox.email, name: mailbox.name },
          subject: rows.length === 1 ? items[0] : `${rows.length} new notifications`,
          template: 'notifications::digest',
          // RFC 8058: mail clients show an unsubscribe button that POSTs to the link.
          headers: {
            'List-Unsubscribe': `<${DigestMailer.unsubscribeLink(mailbox.id)}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
          data: {
            name: mailbox.name,
            subject: 'Your notifications',
            items,
            more: Math.max(0, rows.length - LISTED),
            minutes,
            unsubscribe: DigestMailer.unsubscribeLink(mailbox.id),
          },
        },
        { client: trx }
      )
      return true
    })
  }
}
