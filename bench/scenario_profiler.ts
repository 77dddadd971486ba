/**
 * Profiles the app during the measured part of each scenario (not the
 * warm-up, boot or the other scenarios) for `npm run bench -- --profile`:
 *
 * - cpu:   V8's CPU profiler through the inspector;
 * - alloc: the sampling heap profiler, counting objects that were already
 *          collected too (what a request allocates, not what it keeps);
 * - gc:    the slice of the app's `--trace-gc` output the run wrote.
 *
 * Raw profiles go to tmp/bench-profile/ (open them in Chrome's DevTools);
 * the summary goes into the scenario's result.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import {
  summariseCpuProfile,
  summariseGcTrace,
  summariseHeapProfile,
  type CpuProfile,
  type HeapProfileNode,
} from './profile_summary.ts'

export type ProfileMode = 'cpu' | 'alloc' | 'gc'

export const PROFILE_MODES: ProfileMode[] = ['cpu', 'alloc', 'gc']

/** The node flags the app needs for a mode. */
export function profileNodeFlags(mode: ProfileMode, inspectorPort: number) {
  return mode === 'gc' ? ['--trace-gc'] : [`--inspect=127.0.0.1:${inspectorPort}`]
}

/** A minimal Chrome DevTools Protocol client over Node's WebSocket. */
async function connectInspector(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string
  }[]
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl)
  const pending = new Map<number, (message: any) => void>()
  let lastId = 0
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data))
    pending.get(message.id)?.(message)
    pending.delete(message.id)
  }
  await new Promise((resolve, reject) => {
    socket.onopen = resolve
    socket.onerror = reject
  })
  return {
    send(method: string, params: Record<string, unknown> = {}): Promise<any> {
      const id = ++lastId
      return new Promise((resolve, reject) => {
        pending.set(id, (message) =>
          message.error ? reject(new Error(message.error.message)) : resolve(message.result)
        )
        socket.send(JSON.stringify({ id, method, params }))
      })
    },
    close: () => socket.close(),
  }
}

export async function createScenarioProfiler(
  mode: ProfileMode,
  options: { inspectorPort: number; appLog: string; outDir: string }
) {
  mkdirSync(options.outDir, { recursive: true })
  const inspector = mode === 'gc' ? null : await connectInspector(options.inspectorPort)
  if (mode === 'cpu') await inspector!.send('Profiler.enable')
  if (mode === 'alloc') await inspector!.send('HeapProfiler.enable')
  let logOffset = 0
  const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')

  return {
    async start() {
      if (mode === 'cpu') await inspector!.send('Profiler.start')
      if (mode === 'alloc') {
        await inspector!.send('HeapProfiler.startSampling', {
          samplingInterval: 4096,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        })
      }
      if (mode === 'gc') logOffset = statSync(options.appLog).size
    },

    async stop(scenario: string, requests: number) {
      const file = `${options.outDir}/${slug(scenario)}`
      if (mode === 'cpu') {
        const { profile } = (await inspector!.send('Profiler.stop')) as { profile: CpuProfile }
        writeFileSync(`${file}.cpuprofile`, JSON.stringify(profile))
        return summariseCpuProfile(profile, requests)
      }
      if (mode === 'alloc') {
        const { profile } = (await inspector!.send('HeapProfiler.stopSampling')) as {
          profile: { head: HeapProfileNode }
        }
        writeFileSync(`${file}.heapprofile`, JSON.stringify(profile))
        return summariseHeapProfile(profile.head, requests)
      }
      const log = readFileSync(options.appLog).subarray(logOffset).toString('utf8')
      return summariseGcTrace(log)
    },

    close: () => inspector?.close(),
  }
}
