import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import { spawnSync } from 'node:child_process'
import app from '@adonisjs/core/services/app'

test.group('Plugin config at boot', () => {
  test('an invalid plugin setting stops the boot with one line naming plugin and field', ({
    assert,
  }) => {
    const result = spawnSync(process.execPath, ['ace', 'user:list'], {
      cwd: app.makePath(),
      env: { ...process.env, WORD_FILTER_MODE: 'shout' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    assert.equal(result.status, 1)
    assert.match(result.stderr, /Plugin "word-filter": invalid config field "mode": /)
    assert.notInclude(result.stderr, ' at ')
  }).skip(...needsPlugins('word-filter'))
})
