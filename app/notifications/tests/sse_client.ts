import { randomUUID } from 'node:crypto'

export interface SseMessage {
  channel: string
  payload: any
}

/**
 * A real SSE client over fetch (what a browser's EventSource does, plus
 * the Authorization header on subscribe, as @adonisjs/transmit-client
 * sends it): opens /__transmit/events, parses `data:` frames.
 */
export async function openStream(baseUrl: string, uid: string = randomUUID()) {
  const controller = new AbortController()
  const response = await fetch(`${baseUrl}/__transmit/events?uid=${uid}`, {
    signal: controller.signal,
    headers: { accept: 'text/event-stream' },
  })
  const messages: SseMessage[] = []
  if (response.ok && response.body) {
    const reader = response.body.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += decoder.decode(value, { stream: true })
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const data = frame
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart())
              .join('\n')
            if (data) messages.push(JSON.parse(data))
          }
        }
      } catch {
        // Closed.
      }
    })()
  } else {
    await response.body?.cancel()
  }

  return {
    uid,
    status: response.status,
    messages,
    async subscribe(channel: string, headers: Record<string, string> = {}, base = baseUrl) {
      const answer = await fetch(`${base}/__transmit/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ uid, channel }),
      })
      await answer.body?.cancel()
      return answer.status
    },
    /** The first message on `channel` matching `check`, within `ms`. */
    async next(channel: string, check: (payload: any) => boolean = () => true, ms = 1000) {
      const deadline = Date.now() + ms
      while (Date.now() < deadline) {
        const found = messages.find((m) => m.channel === channel && check(m.payload))
        if (found) return found.payload
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      throw new Error(`No message on ${channel} within ${ms} ms`)
    },
    close() {
      controller.abort()
    },
  }
}
