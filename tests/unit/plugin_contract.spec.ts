import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { definePlugin, definePlugins } from '#core/plugins/define_plugin'
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
    assert.throws(() => definePlugins([ok, ok]), 'Plugin "p" is listed twice')
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
    assert.deepInclude(adminPages(), { title: 'Audit log', path: '/admin/audit', plugin: 'audit' })
    assert.deepInclude(adminPages(), {
      title: 'Webhooks',
      path: '/admin/webhooks',
      plugin: 'webhooks',
    })
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
    assert.lengthOf(edge, 1)
    assert.strictEqual(edge[0], admin.frameworkProviders?.[0])
    // Before session and shield, which add their Edge helpers when it is registered.
    const at = (name: string) => files.findIndex((file) => file.toString().includes(name))
    assert.isBelow(files.indexOf(edge[0]), at('session_provider'))
    assert.isBelow(files.indexOf(edge[0]), at('shield_provider'))
  })
})
