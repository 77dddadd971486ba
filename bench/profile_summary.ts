/**
 * Summaries for `npm run bench -- --profile cpu|alloc|gc`: where the
 * server's CPU went (a V8 CPU profile), what it allocated (the sampling heap
 * profiler, garbage included) and what its garbage collector did
 * (`--trace-gc` lines), per request of one scenario.
 */

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

export interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  startTime: number
  endTime: number
}

/** The npm package a script belongs to, "(app) <plugin>" for ours, or the node: module. */
export function packageOf(url: string) {
  if (!url) return '(native)'
  const packages = [...url.matchAll(/node_modules\/((@[^/]+\/)?[^/]+)/g)]
  if (packages.length) return packages.at(-1)![1]
  const app = /\/build\/app\/([^/]+)\//.exec(url)
  if (app) return `(app) ${app[1]}`
  return url.startsWith('node:') ? url : url.split('/').slice(-2).join('/')
}

const frameName = (frame: ProfileNode['callFrame'], pkg: string) =>
  `${frame.functionName || '(anonymous)'} ${pkg}:${frame.lineNumber + 1}`

/** Totals by package and by function, reported per request as the `count` largest. */
function tally() {
  const byPackage = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let total = 0
  return {
    add(pkg: string, fn: string, amount: number) {
      total += amount
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + amount)
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + amount)
    },
    report<Unit extends string>(unit: Unit, perRequest: (amount: number) => number, count: number) {
      const top = (totals: Map<string, number>) =>
        [...totals]
          .sort((a, b) => b[1] - a[1])
          .slice(0, count)
          .map(
            ([name, amount]) =>
              ({ name, [unit]: perRequest(amount) }) as { name: string } & Record<Unit, number>
          )
      return { total: perRequest(total), by_package: top(byPackage), by_function: top(byFunction) }
    },
  }
}

/**
 * Busy time (idle samples left out) by package and by function, in µs per
 * request. Native code (a driver's C++, V8 built-ins) counts for the script
 * that called it: SQLite's time shows as knex's, not as "(native)".
 */
export function summariseCpuProfile(profile: CpuProfile, requests: number, count = 20) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parents = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id)
  // The nearest frame, from the sample's own upward, that belongs to a script.
  const scriptFrame = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      if (nodes.get(at)!.callFrame.url) return nodes.get(at)!.callFrame
    }
    return nodes.get(id)!.callFrame
  }
  const sampleUs = (profile.endTime - profile.startTime) / profile.samples.length
  const busy = tally()
  for (const id of profile.samples) {
    const own = nodes.get(id)!.callFrame
    if (own.functionName === '(idle)') continue
    const frame = scriptFrame(id)
    const pkg = packageOf(frame.url)
    const native = own.url || !frame.url ? '' : ` (native: ${own.functionName || 'anonymous'})`
    busy.add(pkg, frameName(frame, pkg) + native, sampleUs)
  }
  const { total, ...tops } = busy.report(
    'us',
    (us) => +(us / Math.max(requests, 1)).toFixed(1),
    count
  )
  return { busy_us_per_request: total, ...tops }
}

export interface HeapProfileNode {
  callFrame: ProfileNode['callFrame']
  selfSize: number
  children: HeapProfileNode[]
}

/** Bytes allocated (sampled) by package and by function, in KB per request. */
export function summariseHeapProfile(head: HeapProfileNode, requests: number, count = 20) {
  const allocated = tally()
  const visit = (node: HeapProfileNode) => {
    const pkg = packageOf(node.callFrame.url)
    allocated.add(pkg, frameName(node.callFrame, pkg), node.selfSize)
    node.children.forEach(visit)
  }
  visit(head)
  const { total, ...tops } = allocated.report(
    'kb',
    (bytes) => +(bytes / 1024 / Math.max(requests, 1)).toFixed(1),
    count
  )
  return { kb_per_request: total, ...tops }
}

/** Counts and pause totals of `--trace-gc` output, with the heap sizes around full collections. */
export function summariseGcTrace(log: string) {
  const scavenges = [...log.matchAll(/Scavenge [^\n]*?MB, pooled: \d+ MB, ([\d.]+) \/ [\d.]+ ms/g)]
  const fulls = [
    ...log.matchAll(
      /Mark-Compact(?: \(reduce\))? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB, pooled: (\d+) MB, ([\d.]+) \/ [\d.]+ ms/g
    ),
  ]
  const sum = (values: number[]) => +values.reduce((total, value) => total + value, 0).toFixed(1)
  const range = (values: number[]) =>
    values.length ? [Math.min(...values), Math.max(...values)] : null
  const column = (index: number) => fulls.map((match) => Number(match[index]))
  return {
    scavenges: scavenges.length,
    scavenge_pause_ms: sum(scavenges.map((match) => Number(match[1]))),
    mark_compacts: fulls.length,
    mark_compact_pause_ms: sum(column(6)),
    // Objects (MB) when a full collection started and what survived it; V8's committed MB at the start.
    heap_before_mb: range(column(1)),
    heap_after_mb: range(column(3)),
    committed_before_mb: range(column(2)),
    pooled_mb: range(column(5)),
  }
}
