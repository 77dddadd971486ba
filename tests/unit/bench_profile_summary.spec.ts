import { test } from '@japa/runner'
import {
  packageOf,
  summariseCpuProfile,
  summariseGcTrace,
  summariseHeapProfile,
} from '../../bench/profile_summary.ts'

// Lines as Node 24's --trace-gc prints them.
const TRACE = `[11715:0x25f33000]       33 ms: Scavenge 5.7 (6.4) -> 5.1 (7.4) MB, pooled: 0 MB, 0.73 / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure;
[11715:0x25f33000]       40 ms: Scavenge 5.9 (7.9) -> 5.6 (10.2) MB, pooled: 0 MB, 0.64 / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure;
[11715:0x25f33000]      199 ms: Mark-Compact 16.5 (22.0) -> 13.4 (23.5) MB, pooled: 0 MB, 2.96 / 0.01 ms  (+ 0.2 ms in 26 steps since start of marking, biggest step 0.1 ms, walltime since start of marking 15 ms) (average mu = 0.985, current mu = 0.985) finalize incremental marking via stack guard; GC in old space requested
[9209:0xb68b000]    19189 ms: Mark-Compact (reduce) 65.1 (73.1) -> 48.4 (55.1) MB, pooled: 3 MB, 19.88 / 0.01 ms  (+ 2.0 ms in 160 steps since start of marking, biggest step 0.3 ms, walltime since start of marking 68 ms) (average mu = 0.921, current mu = 0.911) finalize incremental marking via task; GC in old space requested
`

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 })

test.group('bench profile summaries', () => {
  test('a --trace-gc slice gives counts, pauses and heap sizes', ({ assert }) => {
    assert.deepEqual(summariseGcTrace(TRACE), {
      scavenges: 2,
      scavenge_pause_ms: 1.4,
      mark_compacts: 2,
      mark_compact_pause_ms: 22.8,
      heap_before_mb: [16.5, 65.1],
      heap_after_mb: [13.4, 48.4],
      committed_before_mb: [22, 73.1],
      pooled_mb: [0, 3],
    })
  })

  test('scripts are attributed to their package, ours to their plugin', ({ assert }) => {
    assert.equal(
      packageOf('file:///srv/node_modules/@adonisjs/fold/build/index.js'),
      '@adonisjs/fold'
    )
    assert.equal(packageOf('file:///srv/node_modules/a/node_modules/knex/lib/x.js'), 'knex')
    assert.equal(packageOf('file:///srv/build/app/board/actions/list_posts.js'), '(app) board')
    assert.equal(packageOf('node:internal/streams/writable'), 'node:internal/streams/writable')
    assert.equal(packageOf(''), '(native)')
  })

  test('CPU samples are divided by requests; native code counts for its caller', ({ assert }) => {
    const summary = summariseCpuProfile(
      {
        nodes: [
          { id: 1, callFrame: frame('(root)', ''), children: [2, 3, 4, 6] },
          { id: 2, callFrame: frame('(idle)', '') },
          {
            id: 3,
            callFrame: frame('_query', 'file:///n/node_modules/knex/lib/q.js'),
            children: [5],
          },
          { id: 4, callFrame: frame('postJson', 'file:///b/build/app/board/t.js') },
          { id: 5, callFrame: frame('all', '') },
          { id: 6, callFrame: frame('(garbage collector)', '') },
        ],
        samples: [2, 2, 3, 5, 5, 4, 6, 6],
        startTime: 0,
        endTime: 800,
      },
      2
    )
    assert.equal(summary.busy_us_per_request, 300)
    assert.deepEqual(summary.by_package, [
      { name: 'knex', us: 150 },
      { name: '(native)', us: 100 },
      { name: '(app) board', us: 50 },
    ])
    assert.deepEqual(summary.by_function.slice(0, 2), [
      { name: '_query knex:10 (native: all)', us: 100 },
      { name: '(garbage collector) (native):10', us: 100 },
    ])
  })

  test('sampled allocations are summed over the whole tree', ({ assert }) => {
    const summary = summariseHeapProfile(
      {
        callFrame: frame('(root)', ''),
        selfSize: 0,
        children: [
          {
            callFrame: frame('make', 'file:///n/node_modules/@adonisjs/fold/build/i.js'),
            selfSize: 4096,
            children: [
              {
                callFrame: frame('query', 'file:///n/node_modules/knex/lib/q.js'),
                selfSize: 6144,
                children: [],
              },
            ],
          },
        ],
      },
      2
    )
    assert.equal(summary.kb_per_request, 5)
    assert.deepEqual(summary.by_package.slice(0, 2), [
      { name: 'knex', kb: 3 },
      { name: '@adonisjs/fold', kb: 2 },
    ])
  })
})
