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

const top = (totals: Map<string, number>, count: number) =>
  [...totals].sort((a, b) => b[1] - a[1]).slice(0, count)

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
  const byPackage = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let busyUs = 0
  for (const id of profile.samples) {
    const own = nodes.get(id)!.callFrame
    if (own.functionName === '(idle)') continue
    busyUs += sampleUs
    const { functionName, url, lineNumber } = scriptFrame(id)
    const pkg = packageOf(url)
    const native = own.url || !url ? '' : ` (native: ${own.functionName || 'anonymous'})`
    const fn = `${functionName || '(anonymous)'} ${pkg}:${lineNumber + 1}${native}`
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + sampleUs)
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + sampleUs)
  }
  const perRequest = (us: number) => +(us / Math.max(requests, 1)).toFixed(1)
  return {
    busy_us_per_request: perRequest(busyUs),
    by_package: top(byPackage, count).map(([name, us]) => ({ name, us: perRequest(us) })),
    by_function: top(byFunction, count).map(([name, us]) => ({ name, us: perRequest(us) })),
  }
}

export interface HeapProfileNode {
  callFrame: ProfileNode['callFrame']
  selfSize: number
  children: HeapProfileNode[]
}

/** Bytes allocated (sampled) by package and by function, in KB per request. */
export function summariseHeapProfile(head: HeapProfileNode, requests: number, count = 20) {
  const byPackage = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let total = 0
  const visit = (node: HeapProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame
    const pkg = packageOf(url)
    const fn = `${functionName || '(anonymous)'} ${pkg}:${lineNumber + 1}`
    total += node.selfSize
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + node.selfSize)
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + node.selfSize)
    node.children.forEach(visit)
  }
  visit(head)
  const perRequest = (bytes: number) => +(bytes / 1024 / Math.max(requests, 1)).toFixed(1)
  return {
    kb_per_request: perRequest(total),
    by_package: top(byPackage, count).map(([name, bytes]) => ({ name, kb: perRequest(bytes) })),
    by_function: top(byFunction, count).map(([name, bytes]) => ({ name, kb: perRequest(bytes) })),
  }
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
