import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import { readdirSync } from 'node:fs'
import { stripVTControlCharacters } from 'node:util'
import Database from 'better-sqlite3'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import plugins from '#config/plugins'
import { pluginListProblem, type PluginManifest } from '#core/plugins/define_plugin'
import { loadDefault } from '#core/plugins/load_default'
import { openApiDocument } from '#core/controllers/docs_controller'
import { AppCopy, pluginListFile } from '#tests/helpers/app_copy'
import { startServer, waitFor, type ServerProcess } from '#tests/helpers/child_processes'
import { freePort } from '#tests/helpers/server_process'
import { PASSWORD } from '#tests/helpers/accounts'
import { AdminAgent } from '#admin/tests/helpers/admin_agent'

/**
 * Every plugin but accounts can be switched off: for each one, a copy of
 * the app whose config/plugins.ts lacks its line (and the lines of the
 * plugins that require it) is migrated, seeded and served for real, then
 * checked from outside: readiness, the routes left and gone, the tables,
 * the admin panel. The plugins come from config/plugins.ts, so a plugin
 * added there is covered without touching this file.
 */

/** The plugin every other one builds on: it cannot be switched off. */
const BASE = 'accounts'

/** The base and what it requires (the mail plugin), directly or through another. */
function baseAndItsRequirements() {
  const kept = new Set([BASE])
  for (let grew = true; grew;) {
    grew = false
    for (const plugin of plugins) {
      if (!kept.has(plugin.name)) continue
      for (const required of plugin.requires ?? []) {
        if (!kept.has(required)) {
          kept.add(required)
          grew = true
        }
      }
    }
  }
  return kept
}
const REQUIRED = baseAndItsRequirements()

type Operation = { method: string; path: string }

/** A plugin and every plugin that requires it, directly or through another. */
function withDependants(name: string) {
  const removed = new Set([name])
  for (let grew = true; grew;) {
    grew = false
    for (const plugin of plugins) {
      if (!removed.has(plugin.name) && plugin.requires?.some((other) => removed.has(other))) {
        removed.add(plugin.name)
        grew = true
      }
    }
  }
  return removed
}

const cases = plugins
  .filter((plugin) => !REQUIRED.has(plugin.name))
  .map((plugin) => withDependants(plugin.name))
  .map((removed) => ({ title: `without ${[...removed].join(', ')}`, removed }))
// The smallest deployment with a panel: accounts (with mail) and admin alone (no board pages).
if (plugins.some((plugin) => plugin.name === 'admin')) {
  cases.push({
    title: `with ${BASE} and admin alone`,
    removed: new Set(
      plugins.map((p) => p.name).filter((name) => !REQUIRED.has(name) && name !== 'admin')
    ),
  })
}

function operations(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => ({ method: method.toUpperCase(), path }))
  )
}
const key = (op: Operation) => `${op.method} ${op.path}`
/** "/a/{id}" of OpenAPI is "/a/:id" in the router (and in the request log). */
const routePattern = (path: string) => path.replace(/\{(\w+)\}/g, ':$1')
const templateRegex = (path: string) =>
  new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+').replace(/[.]/g, '\\.')}$`)

/**
 * The files of a plugin folder (migrations, seeders) without extension: how
 * adonis_schema and the seeder output end their names, whether the folder
 * is a path or, for a plugin in a package, a URL.
 */
function folderFiles(list: PluginManifest[], field: 'migrations' | 'seeders') {
  return list
    .flatMap((plugin) => {
      const folder = plugin[field]
      if (!folder) return []
      return readdirSync(folder)
        .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
        .map((file) => file.replace(/\.(ts|js)$/, ''))
    })
    .sort()
}

/** The kernel's own migrations (app/core), which run whatever plugins are listed. */
function coreMigrations() {
  return readdirSync('app/core/database/migrations')
    .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => file.replace(/\.(ts|js)$/, ''))
}

/** Tables of a SQLite database, without SQLite's own. */
const TABLES_SQL =
  "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"

/** The environment of a copy: SQLite and memory stores only, a database file per case. */
function copyEnv(slug: string) {
  return {
    DB_CONNECTION: 'sqlite',
    SQLITE_FILENAME: `tmp/${slug}.sqlite3`,
    CACHE_STORE: 'memory',
    LIMITER_STORE: 'memory',
    LOG_LEVEL: 'warn',
  }
}

/**
 * Requests one operation without credentials (path parameters "1", an
 * empty JSON body) and answers the status and request id: whether a route
 * matched is read from the server's request log, since "no such route"
 * and "no such row" are the same 404 to a client.
 */
async function request(server: ServerProcess, op: Operation) {
  const response = await fetch(server.url + op.path.replace(/\{\w+\}/g, '1'), {
    method: op.method,
    headers: { 'accept': 'application/json', 'content-type': 'application/json' },
    body: op.method === 'GET' ? undefined : '{}',
    redirect: 'manual',
  })
  await response.arrayBuffer()
  return { op, status: response.status, requestId: response.headers.get('x-request-id')! }
}

/** The route pattern each request id matched (null: none), from the JSON request log. */
async function loggedRoutes(server: ServerProcess, requestIds: string[]) {
  const routes = new Map<string, string | null>()
  await waitFor(
    () => {
      for (const line of server.output().split('\n')) {
        if (!line.startsWith('{')) continue
        const entry = JSON.parse(line)
        if (entry.msg === 'request completed') routes.set(entry.request_id, entry.route)
      }
      return requestIds.every((id) => routes.has(id))
    },
    5_000,
    () => 'request log lines missing'
  )
  return routes
}

/** The test environment (.env.test of the copy) with this run's own port and Redis indexes. */
function suiteEnv(port: number) {
  const own = ['REDIS_DB', 'REDIS_LIMITER_DB', 'MYSQL_DATABASE', 'CHROMIUM_PATH']
  return {
    NODE_ENV: 'test',
    PORT: String(port),
    PLUGIN_SWITCH_OFF_COPY: '1',
    ...Object.fromEntries(
      own.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : []))
    ),
  }
}

const decode = (text: string) => text.replaceAll('&amp;', '&')

/**
 * PLUGIN_SWITCH_OFF_SUITES=unit,functional also runs those suites in each
 * copy: the remaining plugins' tests pass without the removed one. Slow
 * (a whole run per case), so not part of `npm test`.
 */
const suites = (process.env.PLUGIN_SWITCH_OFF_SUITES ?? '').split(',').filter(Boolean)

test.group('Switching a plugin off', (group) => {
  // The copies always run on SQLite with memory stores: the MariaDB + Redis run adds nothing.
  const skipReason =
    env.get('DB_CONNECTION') === 'mysql'
      ? 'runs its app copies on SQLite: covered by the SQLite run (DB_CONNECTION=mysql here)'
      : process.env.PLUGIN_SWITCH_OFF_COPY
        ? 'this run is inside a copy this test made'
        : null
  const skipped = skipReason !== null
  group.tap((t) => t.skip(skipped, skipReason ?? undefined))

  let copy: AppCopy
  let render: (names: string[]) => string
  let full: Operation[]
  let fullTables: string[]

  group.setup(async () => {
    if (skipped) return
    copy = AppCopy.create()
    render = pluginListFile(copy.read('config/plugins.ts'), plugins)
    full = operations(await openApiDocument())
    const rows = await db.rawQuery(TABLES_SQL)
    fullTables = rows.map((row: { name: string }) => row.name).sort()
  })
  group.teardown(() => copy?.remove())

  test('{title}')
    .with(cases)
    .run(async ({ assert, cleanup }, { title, removed }) => {
      const kept = plugins.filter((plugin) => !removed.has(plugin.name))
      const gone = plugins.filter((plugin) => removed.has(plugin.name))
      const slug = title.replace(/\W+/g, '-')
      const settings = copyEnv(slug)
      copy.write('config/plugins.ts', render(kept.map((plugin) => plugin.name)))

      // Migrations and seeders, as `npm run setup` runs them, on a fresh file.
      const setup = await copy.ace(['migration:fresh', '--force', '--seed'], settings)
      assert.equal(setup.status, 0, `${title}: migration:fresh --seed failed\n${setup.stderr}`)
      const output = stripVTControlCharacters(setup.stdout)
      const seeded = [...output.matchAll(/completed \S*?([^/\s]+)$/gm)].map((m) => m[1])
      assert.deepEqual(seeded.sort(), folderFiles(kept, 'seeders'), 'the seeders that ran')

      const adminOn = kept.some((plugin) => plugin.name === 'admin')
      const [server, staff] = await Promise.all([
        startServer(await freePort(), { ...settings, LOG_LEVEL: 'debug' }, copy.root),
        adminOn
          ? copy.ace(
              ['user:create', 'boss', 'boss@example.com', '--role=admin', `--password=${PASSWORD}`],
              settings
            )
          : null,
      ])
      cleanup(async () => {
        await server.stop()
      })
      if (staff) assert.equal(staff.status, 0, staff.stderr)

      const ready = await fetch(`${server.url}/health/ready`)
      assert.equal(ready.status, 200, await ready.text())

      // The document lists what the copy serves: a subset of the full app's, without the
      // removed plugins' paths or the pages admin shows for them.
      const docResponse = await fetch(`${server.url}/docs/openapi.json`)
      assert.equal(docResponse.status, 200)
      const served = operations((await docResponse.json()) as any)
      const servedKeys = new Set(served.map(key))
      const fullKeys = new Set(full.map(key))
      assert.deepEqual(
        served.filter((op) => !fullKeys.has(key(op))).map(key),
        [],
        'operations the full app does not have'
      )
      const dropped = full.filter((op) => !servedKeys.has(key(op)))
      for (const plugin of gone) {
        const own = plugin.openapi ? operations(await loadDefault(plugin.openapi)) : []
        const pages = adminOn ? (plugin.adminPages ?? []).map((page) => page.path) : []
        for (const op of own) assert.notInclude([...servedKeys], key(op), `${plugin.name}'s route`)
        for (const path of pages)
          assert.isFalse(servedKeys.has(`GET ${path}`), `${plugin.name}'s page`)
      }

      // Every operation left answers through its route; every one dropped answers 404, unmatched.
      const answers = []
      for (const op of [...served, ...dropped]) answers.push(await request(server, op))
      for (const plugin of gone) {
        for (const page of plugin.adminPages ?? []) {
          answers.push(await request(server, { method: 'GET', path: page.path }))
        }
      }
      const routes = await loggedRoutes(
        server,
        answers.map((answer) => answer.requestId)
      )
      for (const { op, status, requestId } of answers) {
        if (servedKeys.has(key(op))) {
          assert.equal(routes.get(requestId), routePattern(op.path), `${key(op)} (${status})`)
        } else {
          assert.isNull(routes.get(requestId), `${key(op)} still has a route`)
          assert.equal(status, 404, key(op))
        }
      }
      for (const plugin of kept) {
        if (plugin.name === BASE || !plugin.openapi) continue
        const own = operations(await loadDefault(plugin.openapi))
        assert.isTrue(
          own.some((op) => servedKeys.has(key(op))),
          `${plugin.name} serves nothing`
        )
      }

      if (adminOn) await checkPanel(assert, server, served, kept, gone)

      // Only the remaining plugins' migrations ran: their tables are there, the others' are not.
      await server.stop()
      const sqlite = new Database(copy.path(settings.SQLITE_FILENAME), { readonly: true })
      try {
        const ran = sqlite
          .prepare('select name from adonis_schema')
          .all()
          .map((row: any) => row.name as string)
        assert.deepEqual(
          ran.map((name) => name.split('/').pop()).sort(),
          [...folderFiles(kept, 'migrations'), ...coreMigrations()].sort(),
          'the migrations that ran'
        )
        const tables = sqlite
          .prepare(TABLES_SQL)
          .all()
          .map((row: any) => row.name as string)
        assert.deepEqual(
          tables.filter((table) => !fullTables.includes(table)),
          [],
          'tables the full app does not have'
        )
        const missing = fullTables.filter((table) => !tables.includes(table))
        assert.equal(
          missing.length > 0,
          folderFiles(gone, 'migrations').length > 0,
          `missing: ${missing}`
        )
      } finally {
        sqlite.close()
      }

      if (suites.length) {
        const run = await copy.ace(['test', ...suites], suiteEnv(await freePort()), {
          timeoutMs: 600_000,
          bare: true,
        })
        const failed = [...run.stdout.matchAll(/✖ (.*)/g)].map((match) => match[1])
        assert.equal(run.status, 0, `${title}: failing tests\n${failed.join('\n')}\n${run.stderr}`)
      }
    })
    .timeout(suites.length ? 700_000 : 90_000)

  test('a plugin listed above one it requires, or requiring a missing one, stops the boot with one line', async ({
    assert,
  }) => {
    const names = plugins.map((plugin) => plugin.name)
    // A plugin and one it requires; one that is not the base, when there is such a pair.
    const pairs = plugins.flatMap((plugin) =>
      (plugin.requires ?? []).map((required) => [plugin.name, required] as const)
    )
    const [dependant, required] =
      pairs.find(([, name]) => name !== BASE) ??
      pairs[0] ??
      assert.fail('no plugin requires another')
    const above = names.filter((name) => name !== dependant)
    above.splice(above.indexOf(required), 0, dependant)
    const lists: [string[], RegExp][] = [
      [
        above,
        new RegExp(
          `^Plugin "${dependant}" requires plugin "${required}": list "${required}" above`
        ),
      ],
      [
        names.filter((name) => name !== required),
        new RegExp(`requires plugin "${required}", which config/plugins.ts does not list$`),
      ],
    ]
    for (const [list, expected] of lists) {
      copy.write('config/plugins.ts', render(list))
      const result = await copy.ace(['user:list'], copyEnv('bad-list'))
      const problem = pluginListProblem(list.map((name) => plugins.find((p) => p.name === name)!))
      assert.equal(result.status, 1, list.join(', '))
      assert.equal(result.stderr, `${problem}\n`)
      assert.match(result.stderr.trim(), expected)
      assert.equal(result.stdout, '')
    }
  }).timeout(60_000)
})

/**
 * The panel after sign-in: every page it links to answers 200, every link
 * and form points at a route the copy serves, and the pages of the plugins
 * left are in the navigation.
 */
async function checkPanel(
  assert: Assert,
  server: ServerProcess,
  served: Operation[],
  kept: PluginManifest[],
  gone: PluginManifest[]
) {
  const agent = new AdminAgent(server.url)
  assert.equal((await agent.get('/admin/login')).status, 200)
  const signIn = await agent.signIn('boss')
  assert.equal(signIn.status, 302)
  assert.equal(signIn.location, '/admin')

  const servedAs = (method: string, path: string) =>
    served.some((op) => op.method === method && templateRegex(op.path).test(path))
  const seen = new Set<string>()
  const queue = ['/admin']
  let dashboard = ''
  while (queue.length && seen.size < 30) {
    const path = queue.shift()!
    if (seen.has(path)) continue
    seen.add(path)
    const page = await agent.get(path)
    assert.equal(page.status, 200, `${path} answers ${page.status}`)
    if (path === '/admin') dashboard = page.text
    for (const [, href] of page.text.matchAll(/href="(\/admin[^"#]*)"/g)) {
      const link = decode(href)
      assert.isTrue(servedAs('GET', link.split('?')[0]), `${path} links to ${link}`)
      if (!link.startsWith('/admin/assets/')) queue.push(link)
    }
    for (const [form] of page.text.matchAll(/<form\b[^>]*>/g)) {
      const method = (form.match(/method="(\w+)"/)?.[1] ?? 'get').toUpperCase()
      const target = decode(form.match(/action="([^"]+)"/)?.[1] ?? path).split('?')[0]
      assert.isTrue(servedAs(method, target), `${path} has a form: ${method} ${target}`)
    }
  }
  for (const plugin of kept) {
    for (const page of plugin.adminPages ?? []) {
      if (servedAs('GET', page.path)) assert.include(dashboard, `href="${page.path}"`)
    }
  }
  for (const plugin of gone) {
    for (const page of plugin.adminPages ?? []) {
      assert.notInclude(dashboard, `href="${page.path}"`)
      assert.equal((await agent.get(page.path)).status, 404, page.path)
    }
  }
}
