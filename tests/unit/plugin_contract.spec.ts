import { test } from '@japa/runner'
import { pluginListed } from '#tests/helpers/plugins'
import vine from '@vinejs/vine'
import { definePlugin, pluginListProblem } from '#core/plugins/define_plugin'
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
  test('Edge comes with the admin plugin alone, so a deployment without the panel does not load it', async ({
    assert,
  }) => {
    const { default: rc } = await import('../../adonisrc.js')
    const { default: admin } = await import('#admin/plugin')
    const files = (rc.providers ?? []).map((entry) =>
      typeof entry === 'function' ? entry : entry.file
    )
    const edge = files.filter((file) => file.toString().includes('edge_provider'))
    assert.lengthOf(edge, pluginListed('admin') ? 1 : 0)
    if (!edge.length) return
    assert.strictEqual(edge[0], admin.frameworkProviders?.[0])
    // Before session and shield, which add their Edge helpers when it is registered.
    const at = (name: string) => files.findIndex((file) => file.toString().includes(name))
    assert.isBelow(files.indexOf(edge[0]), at('session_provider'))
    assert.isBelow(files.indexOf(edge[0]), at('shield_provider'))
  })
})
