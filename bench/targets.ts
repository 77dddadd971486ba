/**
 * The performance targets (docs/performance.md, issues #8 and #25) checked
 * against one run's report: each row says what was measured and whether it
 * passes. A target the run has no figures for (a partial run, or one that
 * needs two datasets) is "n/a".
 */
export interface BenchReport {
  dataset?: { db: string; posts: number }
  settings?: { cache_memory_max_mb?: number }
  idle_rss_mb?: number
  max_rss_mb?: number
  results?: {
    name: string
    rps: number
    cpu_us_per_request?: number | null
    cache?: { hit_ratio: number | null }
  }[]
  latency?: { name: string; p50_ms: number; p95_ms: number }[]
  paired_ratios?: Partial<
    Record<
      | 'cached_read_vs_bare'
      | 'fresh_read_vs_ping'
      | 'uncached_list_vs_ping'
      | 'random_read_vs_repeated',
      { ratio: number }
    >
  >
  ratios?: Record<string, number | null>
  soak?: {
    growth_after_settle: number | null
    settle_minute: number
    minutes: number
    statuses?: Record<string, number>
    first_error?: string | null
  }
}

export interface TargetRow {
  target: string
  figure: string
  status: 'pass' | 'FAIL' | 'n/a'
}

/**
 * Memory budget: what the process holds without its cache, plus the
 * cache's bytes held as V8 strings twice over (the heap grows past what is
 * live before it collects).
 */
export const MEMORY_BASELINE_MB = 200
export const memoryBudgetMb = (cacheMb: number) => MEMORY_BASELINE_MB + 2 * cacheMb

export function targetRows(report: BenchReport): TargetRow[] {
  const rps = (name: string) => report.results?.find((result) => result.name === name)?.rps
  const ratioOf = (top: number | undefined, bottom: number | undefined) =>
    top === undefined || bottom === undefined || !bottom ? undefined : +(top / bottom).toFixed(2)
  const row = (
    target: string,
    value: number | null | undefined,
    pass: (value: number) => boolean,
    figure: (value: number) => string = String
  ): TargetRow =>
    value === null || value === undefined
      ? { target, figure: '-', status: 'n/a' }
      : { target, figure: figure(value), status: pass(value) ? 'pass' : 'FAIL' }

  // The same ratio by server CPU per request: steadier when other processes share the machine.
  const cpu = (name: string) =>
    report.results?.find((result) => result.name === name)?.cpu_us_per_request ?? undefined
  const throughputs = (subject: string, reference: string) => (ratio: number) => {
    const byCpu = ratioOf(cpu(reference), cpu(subject))
    return byCpu === undefined ? String(ratio) : `${ratio} (by CPU ${byCpu})`
  }
  // A target judged by the paired rounds; the single run's ratio beside it.
  const pairedRow = (
    target: string,
    key: 'fresh_read_vs_ping' | 'uncached_list_vs_ping' | 'random_read_vs_repeated',
    subject: string,
    least: number,
    reference = 'framework floor (GET /ping)'
  ) => {
    const single = ratioOf(rps(subject), rps(reference))
    return row(
      target,
      report.paired_ratios?.[key]?.ratio,
      (ratio) => ratio >= least,
      (ratio) =>
        single === undefined
          ? String(ratio)
          : `${ratio} (single run ${throughputs(subject, reference)(single)})`
    )
  }
  const searches = (report.latency ?? []).filter((l) => l.name.startsWith('keyword search'))
  const latencyOf = (name: string) => report.latency?.find((l) => l.name === name)?.p50_ms
  const warm = report.results?.find((r) => r.name === 'post read, 10k random ids (warm)')
  const cacheMb = report.settings?.cache_memory_max_mb
  return [
    row(
      'search < 50 ms p95 (the target is for 1M posts on MariaDB)',
      searches.length ? Math.max(...searches.map((l) => l.p95_ms)) : undefined,
      (p95) => p95 < 50,
      (p95) => `p95 ${p95} ms (slowest kind)`
    ),
    row(
      'deep cursor page within 1.2 × page 1 (p50)',
      ratioOf(latencyOf('list deep (cursor)'), latencyOf('list near the top (cursor)')),
      (ratio) => ratio <= 1.2
    ),
    {
      target: 'list latency flat from 10k to 1M posts',
      figure: 'compares two runs: npm run bench:report',
      status: 'n/a',
    },
    row(
      'login ≥ 0.9 × bare bcrypt',
      ratioOf(rps('login (bcrypt cost 10)'), rps('bare bcrypt.compare over node:http (cost 10)')),
      (ratio) => ratio >= 0.9,
      throughputs('login (bcrypt cost 10)', 'bare bcrypt.compare over node:http (cost 10)')
    ),
    row(
      'cached read ≥ 0.5 × bare node:http (paired)',
      report.paired_ratios?.cached_read_vs_bare?.ratio,
      (ratio) => ratio >= 0.5
    ),
    pairedRow(
      'random-id read (10k ids, warm) ≥ 0.8 × repeated-id read (paired)',
      'random_read_vs_repeated',
      'post read, 10k random ids (warm)',
      0.8,
      'post read, one id'
    ),
    row(
      'hit ratio of the random-id read ≥ 95%',
      warm?.cache?.hit_ratio,
      (ratio) => ratio >= 0.95,
      (ratio) => `${(ratio * 100).toFixed(1)}%`
    ),
    pairedRow(
      'post read, fresh id each request ≥ 0.5 × GET /ping (paired)',
      'fresh_read_vs_ping',
      'post read, fresh id each request',
      0.5
    ),
    pairedRow(
      'list page, unseen cursor ≥ 0.2 × GET /ping (paired)',
      'uncached_list_vs_ping',
      'list near the top, uncached (cursor)',
      0.2
    ),
    row(
      `peak RSS ≤ ${MEMORY_BASELINE_MB} MB + 2 × cache size`,
      report.max_rss_mb,
      (peak) => cacheMb !== undefined && peak <= memoryBudgetMb(cacheMb),
      (peak) => `${peak} MB (budget ${cacheMb === undefined ? '?' : memoryBudgetMb(cacheMb)} MB)`
    ),
    row(
      'soak: RSS growth after the settling minute < 10%',
      report.soak?.growth_after_settle,
      (growth) => growth < 0.1,
      (growth) =>
        `${(growth * 100).toFixed(1)}% (minute ${report.soak!.settle_minute} to ${report.soak!.minutes})`
    ),
    // Memory measured under traffic that stopped doing its work (a 401 for every write) says little.
    row(
      'soak: every request answered 2xx',
      report.soak?.statuses &&
        Object.entries(report.soak.statuses)
          .filter(([status]) => Number(status) >= 300)
          .reduce((sum, [, count]) => sum + count, 0),
      (failed) => failed === 0,
      (failed) => (failed ? `${failed} not 2xx, first: ${report.soak!.first_error}` : '0 not 2xx')
    ),
  ]
}

export function printTargets(rows: TargetRow[]) {
  console.table(rows)
}
