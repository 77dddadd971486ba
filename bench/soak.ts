/**
 * `npm run bench -- --soak [--soak-minutes 30]`: mixed traffic (post reads
 * over every id, list pages, searches, post writes, votes, logins) at a
 * steady rate for a long time, the app's RSS read every minute. Memory
 * that grows after the first minutes is a leak, whatever the level: the
 * pass condition is growth after the settling minute, not a size.
 */
import autocannon from 'autocannon'

export interface SoakTraffic {
  base: string
  /** A path of each kind, drawn anew per request. */
  postPath: () => string
  listPath: () => string
  searchPath: () => string
  /** The post a vote toggles, the category posts are written to, and a member's token and login. */
  votePath: string
  writePath: string
  auth: Record<string, string>
  loginBody: string
}

interface Weighted {
  weight: number
  request: () => { method: 'GET' | 'POST'; path: string; body?: string; headers?: object }
}

/** Sampled at minute `settle`, then every minute: the pass condition compares to that minute's RSS. */
export const SOAK_GROWTH_LIMIT = 0.1

/**
 * Where the comparison starts: the fifth minute of a long run, half-way
 * through a short one (the cache fills in the first minutes).
 */
export const settleMinute = (minutes: number) => Math.min(5, Math.max(1, Math.ceil(minutes / 2)))

export async function soak(
  traffic: SoakTraffic,
  options: {
    minutes: number
    connections: number
    /** Requests per second over all connections: a steady load, not saturation. */
    rate: number
    /** The app's RSS and the anonymous part of it (heaps, malloc), in MB. */
    memoryOf: () => { rss: number; anon: number }
    log: (line: string) => void
  }
) {
  const json = { 'content-type': 'application/json' }
  // Reads dominate as on a real board; logins are few (each is a bcrypt comparison).
  const mix: Weighted[] = [
    { weight: 55, request: () => ({ method: 'GET', path: traffic.postPath() }) },
    { weight: 20, request: () => ({ method: 'GET', path: traffic.listPath() }) },
    { weight: 12, request: () => ({ method: 'GET', path: traffic.searchPath() }) },
    {
      weight: 5,
      request: () => ({
        method: 'POST',
        path: traffic.writePath,
        headers: { ...json, ...traffic.auth },
        body: JSON.stringify({ title: 'Soak post', content: 'Written by the soak run' }),
      }),
    },
    {
      weight: 7,
      request: () => ({ method: 'POST', path: traffic.votePath, headers: { ...traffic.auth } }),
    },
    {
      weight: 1,
      request: () => ({
        method: 'POST',
        path: '/api/v1/user/login',
        headers: json,
        body: traffic.loginBody,
      }),
    },
  ]
  const totalWeight = mix.reduce((sum, kind) => sum + kind.weight, 0)
  const draw = () => {
    let left = Math.random() * totalWeight
    for (const kind of mix) {
      left -= kind.weight
      if (left < 0) return kind.request()
    }
    return mix[0].request()
  }

  const statuses: Record<string, number> = {}
  let firstError: string | null = null
  const instance = autocannon({
    url: traffic.base,
    connections: options.connections,
    overallRate: options.rate,
    duration: options.minutes * 60,
    requests: [
      {
        setupRequest: (request: any) => ({ ...request, ...draw() }),
        onResponse: (status: number, body: string) => {
          statuses[status] = (statuses[status] ?? 0) + 1
          if (status >= 300 && firstError === null) firstError = `${status} ${body.slice(0, 300)}`
        },
      },
    ],
  })
  const rss: { minute: number; rss_mb: number; anon_mb: number; requests: number }[] = []
  const startedAt = Date.now()
  const answered = () => Object.values(statuses).reduce((sum, count) => sum + count, 0)
  const sampler = setInterval(() => {
    const minute = Math.round((Date.now() - startedAt) / 60_000)
    const memory = options.memoryOf()
    rss.push({
      minute,
      rss_mb: Math.round(memory.rss),
      anon_mb: Math.round(memory.anon),
      requests: answered(),
    })
    options.log(`soak minute ${minute}: RSS ${rss.at(-1)!.rss_mb} MB, ${answered()} requests`)
  }, 60_000)
  const result = await instance
  clearInterval(sampler)

  const settle = settleMinute(options.minutes)
  const base = rss.find((sample) => sample.minute >= settle)
  const later = rss.filter((sample) => base && sample.minute > base.minute)
  const highest = later.length ? Math.max(...later.map((sample) => sample.rss_mb)) : null
  const growth =
    base && highest !== null ? +((highest - base.rss_mb) / base.rss_mb).toFixed(3) : null
  return {
    minutes: options.minutes,
    connections: options.connections,
    rate_per_s: options.rate,
    mix: Object.fromEntries(
      ['post read', 'list page', 'search', 'post create', 'vote toggle', 'login'].map(
        (name, index) => [name, mix[index].weight / totalWeight]
      )
    ),
    requests: result.requests.total,
    statuses,
    first_error: firstError,
    rss_per_minute: rss,
    settle_minute: settle,
    rss_at_settle_mb: base?.rss_mb ?? null,
    rss_highest_after_mb: highest,
    growth_after_settle: growth,
    pass: growth !== null && growth < SOAK_GROWTH_LIMIT,
  }
}
