/**
 * JSON over HTTP to a server process a test started (fetch, not the Japa
 * client, which talks to the in-process server).
 */
export type Json = Record<string, any>

export async function call(baseUrl: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  })
  const text = await response.text()
  return { status: response.status, json: (text ? JSON.parse(text) : null) as Json, text }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** Logs in through the API; answers the access token. */
export async function loginAt(baseUrl: string, username: string, password: string) {
  const answer = await call(baseUrl, '/api/v1/user/login', {
    method: 'POST',
    body: JSON.stringify({ username, password }),
  })
  if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${answer.text}`)
  return answer.json.access_token as string
}
