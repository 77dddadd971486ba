/**
 * Prints the markdown tables of docs/performance.md from the four full
 * runs in bench/results (MariaDB and SQLite, 10k and 1M posts), so the
 * document and the JSON files say the same thing:
 *
 * npm run bench:report
 */
import { existsSync, readFileSync } from 'node:fs'
import { printTargets, targetRows, type BenchReport } from './targets.ts'

interface Run {
  label: string
  idle_rss_mb: number
  max_rss_mb: number
  cold_start_ms: number
  rss_split_mb: Record<'idle' | 'peak', { anon: number; file: number }>
  results: {
    name: string
    rps: number
    cpu_us_per_request: number | null
    app_rss_peak_mb: number
  }[]
  latency: { name: string; p50_ms: number; p95_ms: number }[]
  paired_ratios: Record<string, { ratio: number } | undefined>
  ratios: Record<string, number | null>
}

const root = new URL('../', import.meta.url).pathname
const runs: Run[] = [
  ['mysql-10000', 'MariaDB 10k'],
  ['mysql-1000000', 'MariaDB 1M'],
  ['sqlite-10000', 'SQLite 10k'],
  ['sqlite-1000000', 'SQLite 1M'],
]
  .filter(([file]) => existsSync(`${root}bench/results/${file}.json`))
  .map(([file, label]) => ({
    ...JSON.parse(readFileSync(`${root}bench/results/${file}.json`, 'utf8')),
    label,
  }))

const number = (value: number | null | undefined) =>
  value === null || value === undefined ? '-' : value.toLocaleString('en-US')

function table(head: string[], rows: string[][]) {
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)))
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`
  const rule = `| ${widths.map((width, i) => (i === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`
  return [line(head), rule, ...rows.map(line)].join('\n')
}

const labels = runs.map((run) => run.label)
// Names from the run with the most scenarios: older runs may lack newer ones.
const fullest = runs.reduce((most, run) => (run.results.length > most.results.length ? run : most))
const scenarios = fullest.results.map((result) => result.name)
console.log(
  table(
    ['scenario (throughput, 20 connections)', ...labels],
    scenarios.map((name) => [
      name === 'cached post read' ? 'cached post read (fast lane)' : name,
      ...runs.map((run) => number(run.results.find((r) => r.name === name)?.rps)),
    ])
  )
)
console.log()
console.log(
  table(
    ['latency, one client (p50 / p95 ms)', ...labels],
    fullest.latency.map(({ name }) => [
      name,
      ...runs.map((run) => {
        const found = run.latency.find((l) => l.name === name)
        return found ? `${found.p50_ms} / ${found.p95_ms}` : '-'
      }),
    ])
  )
)
console.log()
const cpu = (run: Run, name: string) =>
  `${number(run.results.find((r) => r.name === name)?.cpu_us_per_request)} µs`
console.log(
  table(
    [
      'run',
      'idle RSS (anon + file)',
      'peak RSS (anon + file)',
      'cold start',
      'cached read CPU/req',
      'bare CPU/req',
      '`/ping` CPU/req',
    ],
    runs.map((run) => [
      run.label,
      `${run.idle_rss_mb} MB (${run.rss_split_mb.idle.anon} + ${run.rss_split_mb.idle.file})`,
      `${run.max_rss_mb} MB (${run.rss_split_mb.peak.anon} + ${run.rss_split_mb.peak.file})`,
      `${number(run.cold_start_ms)} ms`,
      cpu(run, 'cached post read'),
      cpu(run, 'bare node:http (same JSON)'),
      cpu(run, 'framework floor (GET /ping)'),
    ])
  )
)
console.log()
console.log(
  table(
    ['RSS peak while the scenario ran (MB, in run order)', ...labels],
    scenarios
      .filter((name) => !name.startsWith('bare '))
      .map((name) => [
        name,
        ...runs.map((run) => number(run.results.find((r) => r.name === name)?.app_rss_peak_mb)),
      ])
  )
)
console.log()
const ratio = (key: string) =>
  runs.map((run) => `${run.label} ${run.ratios[key] ?? '-'}`).join(', ')
// The ratios of alternating rounds: cached read / bare, fresh-id read / ping, unseen list / ping.
for (const key of new Set(runs.flatMap((run) => Object.keys(run.paired_ratios)))) {
  console.log(
    `paired ${key}: ${runs.map((run) => `${run.label} ${run.paired_ratios[key]?.ratio ?? '-'}`).join(', ')}`
  )
}
for (const key of Object.keys(fullest.ratios)) console.log(`${key}: ${ratio(key)}`)
console.log()
// The targets of each run, as `npm run bench` printed them at its end.
for (const run of runs) {
  console.log(run.label)
  printTargets(targetRows(run as unknown as BenchReport))
}
