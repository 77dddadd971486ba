import { Agent, fetch as undiciFetch } from 'undici'

/**
 * Steady mixed traffic through nginx, as a board's clients send it: post
 * reads and board pages (idempotent, nginx may retry them on another
 * instance) and comment writes (non-idempotent: nginx never resends one it
 * already sent). Counts what answered and what failed, by kind, and the
 * comment writes in flight at any moment.
 */
export interface LoadTally {
  reads: { ok: number; failed: number; failures: string[] }
  writes: { ok: number; failed: number; failures: string[] }
  /** Ids of the comments whose write answered 201. */
  created: number[]
  /** Comment writes sent and not yet answered, right now. */
  writesInFlight: number
  /** Comment writes sent so far. */
  writesStarted: number
  latencies: number[]
}

export interface LoadOptions {
  url: string
  tokens: string[]
  postIds: number[]
  category: string
  workers: number
  /** Share of requests that are comment writes (0..1). */
  writeShare: number
  /** Text every load comment starts with, to count them afterwards. */
  marker: string
  /** Read these paths instead of post reads and board pages. */
  paths?: string[]
}

export function startLoad(options: LoadOptions) {
  const tally: LoadTally = {
    reads: { ok: 0, failed: 0, failures: [] },
    writes: { ok: 0, failed: 0, failures: [] },
    created: [],
    writesInFlight: 0,
    writesStarted: 0,
    latencies: [],
  }
  // Keep-alive connections to nginx, as a browser or an SDK holds them.
  const dispatcher = new Agent({ connections: options.workers, pipelining: 1 })
  let running = true
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]

  async function once(worker: number, n: number) {
    const write = Math.random() < options.writeShare
    const started = performance.now()
    const kind = write ? tally.writes : tally.reads
    let path = ''
    try {
      if (write) {
        const postId = pick(options.postIds)
        path = `/api/v1/post/${postId}/comment`
        tally.writesInFlight++
        tally.writesStarted++
        const response = await undiciFetch(`${options.url}${path}`, {
          method: 'POST',
          dispatcher,
          headers: {
            'authorization': `Bearer ${options.tokens[worker % options.tokens.length]}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ content: `${options.marker} ${worker}-${n}` }),
        })
        const body = (await response.json()) as { id?: number }
        if (response.status !== 201) throw new Error(`${response.status} ${JSON.stringify(body)}`)
        tally.created.push(body.id!)
      } else {
        path = options.paths
          ? pick(options.paths)
          : Math.random() < 0.75
            ? `/api/v1/post/${pick(options.postIds)}`
            : `/api/v1/board/${options.category}?size=20`
        const response = await undiciFetch(`${options.url}${path}`, { dispatcher })
        await response.arrayBuffer()
        if (response.status !== 200) throw new Error(String(response.status))
      }
      kind.ok++
      tally.latencies.push(performance.now() - started)
    } catch (error) {
      kind.failed++
      if (kind.failures.length < 20) kind.failures.push(`${path}: ${(error as Error).message}`)
    } finally {
      if (write) tally.writesInFlight--
    }
  }

  const workers = Array.from({ length: options.workers }, async (_, worker) => {
    for (let n = 0; running; n++) await once(worker, n)
  })
  return {
    tally,
    async stop() {
      running = false
      await Promise.all(workers)
      await dispatcher.close()
      return tally
    },
  }
}

export function percentile(values: number[], share: number) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] : 0
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
