import { test } from '@japa/runner'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'

function runAce(env: Record<string, string>, argv = ['user:list']) {
  return spawnSync(process.execPath, ['ace', ...argv], {
    cwd: app.makePath(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
}

/**
 * Ace with no environment at all, as in a fresh clone or a Docker build
 * stage: only PATH, and ENV_PATH pointing at an empty folder so no .env file
 * (a developer's included) is read.
 */
function runAceWithoutEnvironment(argv: string[]) {
  const empty = mkdtempSync(join(tmpdir(), 'boardcms-no-env-'))
  try {
    return spawnSync(process.execPath, ['ace', ...argv], {
      cwd: app.makePath(),
      env: { PATH: process.env.PATH ?? '', ENV_PATH: empty },
      encoding: 'utf8',
      timeout: 60_000,
    })
  } finally {
    rmSync(empty, { recursive: true, force: true })
  }
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

  test('commands that do not boot the app (list, build) run with no environment', ({ assert }) => {
    const result = runAceWithoutEnvironment(['list', '--no-ansi'])
    assert.equal(result.status, 0, result.stderr)
    assert.notInclude(result.stderr, 'Invalid environment')
    // Every plugin's commands are read, the mail plugin's (which reads its settings) included.
    for (const name of ['user:block', 'category:create', 'mail:send-test', 'webhook:create']) {
      assert.include(result.stdout, name)
    }
  }).timeout(90_000)

  test('a command that boots the app still stops on the missing variables', ({ assert }) => {
    const result = runAceWithoutEnvironment(['user:list'])
    assert.equal(result.status, 1)
    assert.match(result.stderr, /Invalid environment: Missing environment variable "APP_KEY"/)
    assert.notInclude(result.stderr, ' at ')
  }).timeout(90_000)
})
