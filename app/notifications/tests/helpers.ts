import type { ApiClient } from '@japa/api-client'
import { backgroundSettled } from '#core/background/after_response'
import type { Session } from '#tests/helpers/accounts'

/** The member's notifications once the fan-outs queued so far have run. */
export async function notificationsOf(client: ApiClient, session: Session, query = '') {
  await backgroundSettled()
  const response = await client.get(`/api/v1/notifications${query}`).headers(session.auth)
  response.assertStatus(200)
  return response.body() as {
    notifications: {
      id: number
      kind: string
      read: boolean
      actor: string | null
      post_id: number | null
      comment_id: number | null
      data: Record<string, unknown>
    }[]
    next_cursor: string | null
  }
}

export async function unreadCount(client: ApiClient, session: Session) {
  await backgroundSettled()
  const response = await client.get('/api/v1/notifications/count').headers(session.auth)
  response.assertStatus(200)
  return response.body().unread as number
}

export async function kindsOf(client: ApiClient, session: Session) {
  return (await notificationsOf(client, session)).notifications.map((n) => n.kind)
}
