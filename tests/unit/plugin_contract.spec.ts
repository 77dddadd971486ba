import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { test } from '@japa/runner'
import { pluginListed } from '#tests/helpers/plugins'
import vine from '@vinejs/vine'
import app from '@adonisjs/core/services/app'
import plugins from '#config/plugins'
import {
  definePlugin,
  frameworkProvidersOf,
  pluginFolder,
  pluginListProblem,
  pluginTestsFolder,
} from '#core/plugins/define_plugin'
import {
  definePluginConfig,
  PluginConfigError,
  validatePluginConfig,
} from '#core/plugins/plugin_config'

const provider = async () => ({ default: class {} })

test.group('Plugin contract', () => {
  test('a manifest with a bad name, version or admin page stops with the plugin named', ({
    assert,
  }) => {
    assert.throws(
      () => definePlugin({ name: 'Bad Name', version: '1.0.0', provider }),
      'Plugin "Bad Name": name must be kebab-case'
    )
    assert.throws(
      () => definePlugin({ name: 'p', version: 'one', provider }),
      'Plugin "p": version "one" is not semver'
    )
    assert.throws(
      () =>
        definePlugin({
          name: 'p',
          version: '1.0.0',
          provider,
          adminPages: [{ title: 'X', path: 'admin/x' }],
        }),
      'Plugin "p": adminPages path "admin/x" must start with "/"'
    )
    const ok = definePlugin({
      name: 'p',
      version: '1.2.3',
      provider,
      adminPages: [{ title: 'X', path: '/admin/x' }],
    })
    assert.equal(pluginListProblem([ok, ok]), 'Plugin "p" is listed twice')
  })

  test('a plugin whose required plugin is missing or listed below it is named with the fix', ({
    assert,
  }) => {
    const base = definePlugin({ name: 'base', version: '1.0.0', provider })
    const user = definePlugin({ name: 'user', version: '1.0.0', provider, requires: ['base'] })
    assert.isNull(pluginListProblem([base, user]))
    assert.equal(
      pluginListProblem([user]),
      'Plugin "user" requires plugin "base", which config/plugins.ts does not list'
    )
    assert.equal(
      pluginListProblem([user, base]),
      'Plugin "user" requires plugin "base": list "base" above "user" in config/plugins.ts'
    )
    assert.throws(
      () => definePlugin({ name: 'p', version: '1.0.0', provider, requires: ['p'] }),
      'Plugin "p": requires itself'
    )
  })

  test('config is validated against its schema; an error names plugin and field', async ({
    assert,
  }) => {
    let raw: unknown = { limit: 'many' }
    const config = definePluginConfig({
      schema: vine.object({ limit: vine.number().min(1) }),
      values: () => raw,
    })
    assert.throws(() => config.get(), 'Plugin config read before the app booted')
    try {
      await validatePluginConfig('my-plugin', config)
      assert.fail('expected a PluginConfigError')
    } catch (error) {
      assert.instanceOf(error, PluginConfigError)
      assert.match((error as Error).message, /^Plugin "my-plugin": invalid config field "limit": /)
    }
    raw = { limit: '3' }
    await validatePluginConfig('my-plugin', config)
    assert.deepEqual(config.get(), { limit: 3 })
  })
})

test.group('Admin pages', () => {
  test('the switched-on plugins offer their admin pages, named by plugin', async ({ assert }) => {
    const { adminPages } = await import('#core/plugins/admin_pages')
    const pages = { audit: 'Audit log', webhooks: 'Webhooks' }
    for (const [plugin, title] of Object.entries(pages)) {
      const page = { title, path: `/admin/${plugin}`, plugin }
      if (pluginListed(plugin)) assert.deepInclude(adminPages(), page)
      else assert.notDeepInclude(adminPages(), page)
    }
  })
})

test.group('Framework providers of a plugin', () => {
  test('Edge comes with the plugins that render it (mail, admin), registered once', async ({
    assert,
  }) => {
    const { default: rc } = await import('../../adonisrc.js')
    const { default: admin } = await import('#admin/plugin')
    const { default: mail } = await import('#mail/plugin')
    const files = (rc.providers ?? []).map((entry) =>
      typeof entry === 'function' ? entry : entry.file
    )
    const edge = files.filter((file) => file.toString().includes('edge_provider'))
    assert.lengthOf(edge, pluginListed('admin') ? 1 : 0)
    if (!edge.length) return
    assert.strictEqual(edge[0], admin.frameworkProviders?.[0])
    assert.strictEqual(edge[0], mail.frameworkProviders?.[0])
    // Before session and shield, which add their Edge helpers when it is registered.
    const at = (name: string) => files.findIndex((file) => file.toString().includes(name))
    assert.isBelow(files.indexOf(edge[0]), at('session_provider'))
    assert.isBelow(files.indexOf(edge[0]), at('shield_provider'))
  })

  test('a framework provider two plugins bring is listed once, however each wrote it', ({
    assert,
  }) => {
    const shared = async () => ({ default: class {} })
    const one = definePlugin({
      name: 'one',
      version: '1.0.0',
      provider,
      frameworkProviders: [shared],
    })
    const two = definePlugin({
      name: 'two',
      version: '1.0.0',
      provider,
      // The same import written by another hand (a plugin package).
      frameworkProviders: [
        shared,
        () => import('@adonisjs/core/providers/edge_provider'),
        // prettier-ignore
        () =>   import("@adonisjs/core/providers/edge_provider"),
      ],
    })
    const none = definePlugin({ name: 'none', version: '1.0.0', provider })
    const listed = frameworkProvidersOf([one, none, two])
    assert.lengthOf(listed, 2)
    assert.strictEqual(listed[0], shared)
    assert.deepEqual(frameworkProvidersOf([none]), [])
  })
})

test.group('Plugin folders', () => {
  test('a folder is kept relative to the app root; a URL or absolute path becomes so', ({
    assert,
  }) => {
    const root = new URL('file:///srv/boardcms/')
    assert.equal(
      pluginFolder('app/board/database/migrations', root),
      'app/board/database/migrations'
    )
    assert.equal(
      pluginFolder(new URL('file:///srv/boardcms/packages/x/database/migrations'), root),
      'packages/x/database/migrations'
    )
    assert.equal(
      pluginFolder('/srv/boardcms/node_modules/y/tests', '/srv/boardcms'),
      'node_modules/y/tests'
    )
    // The same package in build/ gets the same name: the migrator records it.
    assert.equal(
      pluginFolder(
        new URL('file:///srv/boardcms/build/packages/x/m'),
        new URL('file:///srv/boardcms/build/')
      ),
      'packages/x/m'
    )
  })

  test('a folder that is not a path or a file URL stops the boot naming the plugin', ({
    assert,
  }) => {
    assert.throws(
      () =>
        definePlugin({
          name: 'p',
          version: '1.0.0',
          provider,
          migrations: new URL('https://example.com/migrations'),
        }),
      'Plugin "p": migrations must be a folder: a path, or a file URL'
    )
    assert.throws(
      () => definePlugin({ name: 'p', version: '1.0.0', provider, tests: ' ' }),
      'Plugin "p": tests must be a folder: a path, or a file URL'
    )
  })

  test("the listed plugins' migrations, seeders and tests are found, packages included", async ({
    assert,
  }) => {
    const { default: rc } = await import('../../adonisrc.js')
    const functional = rc.tests?.suites.find((suite) => suite.name === 'functional')?.files
    const connection = app.config.get<any>('database').connections.sqlite
    for (const plugin of plugins) {
      for (const field of ['migrations', 'seeders'] as const) {
        const folder = plugin[field]
        if (!folder) continue
        const path = pluginFolder(folder, app.appRoot)
        assert.isTrue(existsSync(app.makePath(path)), `${plugin.name}: ${path}`)
        assert.notMatch(path, /^(\/|\.\.)/)
        assert.include(connection[field].paths, path)
      }
      const tests = pluginTestsFolder(plugin, app.appRoot)
      assert.include(functional, `${tests}/functional/**/*.spec.{ts,js}`)
    }
    if (pluginListed('reading-time')) {
      assert.include(connection.migrations.paths, 'packages/reading-time/database/migrations')
    }
  })
})

test.group('Plugin packages', () => {
  test('the manifests and the kit load before the app exists, as adonisrc.ts needs', ({
    assert,
  }) => {
    // A manifest that imported a service (router, db, logger) would throw here.
    const script = `
      const { default: plugins } = await import('#config/plugins')
      const kit = await import('@boardcms/plugin-kit')
      console.log(JSON.stringify({ plugins: plugins.map((p) => p.name), kit: Object.keys(kit) }))`
    const child = spawnSync(
      process.execPath,
      ['--import=@poppinss/ts-exec', '--input-type=module', '-e', script],
      { cwd: app.makePath(), encoding: 'utf8', timeout: 30_000 }
    )
    assert.equal(child.status, 0, child.stderr)
    const loaded = JSON.parse(child.stdout)
    assert.deepEqual(
      loaded.plugins,
      plugins.map((plugin) => plugin.name)
    )
    assert.includeMembers(loaded.kit, ['definePlugin', 'defineListeners', 'defineContentHooks'])
  }).timeout(30_000)
})
