import { randomBytes } from 'node:crypto'
import type { ApiClient } from '@japa/api-client'
import type { RoleName } from '#accounts/models/role'
import { RegisterUser } from '#accounts/actions/register_user'

export const PASSWORD = 'correct-horse-9'

/** A name no other test uses (letters and digits only). */
export function uniqueName(prefix = 'u') {
  return `${prefix}${randomBytes(5).toString('hex')}`
}

export async function createUser(
  options: { role?: RoleName; name?: string; password?: string } = {}
) {
  const name = options.name ?? uniqueName()
  return new RegisterUser().handle({
    name,
    email: `${name.toLowerCase()}@example.com`,
    password: options.password ?? PASSWORD,
    role: options.role ?? 'user',
  })
}

export interface Session {
  id: number
  name: string
  access: string
  refresh: string
  auth: { authorization: string }
}

/** Creates a user and logs in through the real endpoint. */
export async function signedInUser(
  client: ApiClient,
  options: { role?: RoleName } = {}
): Promise<Session> {
  const user = await createUser(options)
  return login(client, user.name)
}

export async function login(
  client: ApiClient,
  username: string,
  password = PASSWORD
): Promise<Session> {
  const response = await client.post('/api/v1/user/login').json({ username, password })
  response.assertStatus(200)
  const body = response.body()
  const me = await client
    .get('/api/v1/user/me')
    .header('authorization', `Bearer ${body.access_token}`)
  me.assertStatus(200)
  return {
    id: me.body().id,
    name: body.username,
    access: body.access_token,
    refresh: body.refresh_token,
    auth: { authorization: `Bearer ${body.access_token}` },
  }
}
