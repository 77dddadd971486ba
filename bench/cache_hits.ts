/**
 * The app's cache counters per key group, read from GET /metrics (the
 * cache collector of config/prometheus.ts), and the hit ratio between two
 * readings.
 */
export type CacheCounters = Record<string, { hits: number; misses: number; writes: number }>

const METRIC = /^boardcms_cache_(hits|misses|writes)_total\{([^}]*)\}\s+(\d+(?:\.\d+)?)/

export async function cacheCounters(base: string): Promise<CacheCounters> {
  const text = await (await fetch(`${base}/metrics`)).text()
  const counters: CacheCounters = {}
  for (const line of text.split('\n')) {
    const found = METRIC.exec(line)
    if (!found) continue
    const group = /key="([^"]*)"/.exec(found[2])?.[1] ?? 'other'
    counters[group] ??= { hits: 0, misses: 0, writes: 0 }
    counters[group][found[1] as 'hits' | 'misses' | 'writes'] += Number(found[3])
  }
  return counters
}

/**
 * What happened between two readings, per key group. The hit ratio is hits
 * over hits plus writes: a read either found its entry or computed and
 * wrote it. Misses are not the denominator because a post read that misses
 * is looked up twice (by the fast lane, then by the controller that fills
 * the entry), so misses count it twice.
 */
export function cacheHitsBetween(before: CacheCounters, after: CacheCounters) {
  return Object.fromEntries(
    Object.entries(after).map(([group, now]) => {
      const then = before[group] ?? { hits: 0, misses: 0, writes: 0 }
      const hits = now.hits - then.hits
      const writes = now.writes - then.writes
      const misses = now.misses - then.misses
      const ratio = hits + writes ? +(hits / (hits + writes)).toFixed(3) : null
      return [group, { hits, misses, writes, hit_ratio: ratio }]
    })
  )
}
