import { test } from '@japa/runner'
import { spawnSync } from 'node:child_process'
import app from '@adonisjs/core/services/app'

function runAce(env: Record<string, string>) {
  return spawnSync(process.execPath, ['ace', 'user:list'], {
    cwd: app.makePath(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
}

test.group('Environment validation', () => {
  test('a bad value stops the boot with one line naming the variable', ({ assert }) => {
    const result = runAce({ DB_CONNECTION: 'postgres' })
    assert.equal(result.status, 1)
    assert.match(
      result.stderr,
      /Invalid environment: "DB_CONNECTION" env variable must be one of "sqlite,mysql"/
    )
    assert.notInclude(result.stderr, ' at ')
  })

  test('MySQL settings are required only when MySQL is selected', ({ assert }) => {
    const result = runAce({
      DB_CONNECTION: 'mysql',
      MYSQL_HOST: '',
      MYSQL_USER: '',
      MYSQL_DATABASE: '',
    })
    assert.equal(result.status, 1)
    assert.match(result.stderr, /Missing environment variable "MYSQL_HOST"/)
  })
})
