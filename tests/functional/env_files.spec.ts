import { test } from '@japa/runner'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'

test.group('Environment files', () => {
  test('npm test takes .env.test over a developer .env: the suite never touches the dev database', ({
    assert,
    cleanup,
  }) => {
    // A folder of env files (ENV_PATH) as on a developer's machine after `npm start`.
    const dir = mkdtempSync(join(tmpdir(), 'boardcms-env-'))
    cleanup(() => rmSync(dir, { recursive: true, force: true }))
    const devDb = `tmp/env-files-dev-${process.pid}.sqlite3`
    const testDb = `tmp/env-files-test-${process.pid}.sqlite3`
    cleanup(() => {
      for (const file of [devDb, testDb]) rmSync(app.makePath(file), { force: true })
    })
    copyFileSync(app.makePath('.env.example'), join(dir, '.env'))
    writeFileSync(
      join(dir, '.env'),
      readFileSync(join(dir, '.env'), 'utf8') +
        `\nAPP_KEY=dev-key-0123456789abcdef0123456789\nSQLITE_FILENAME=${devDb}\n`
    )
    writeFileSync(
      join(dir, '.env.test'),
      readFileSync(app.makePath('.env.test'), 'utf8')
        .replace(/^SQLITE_FILENAME=.*$/m, `SQLITE_FILENAME=${testDb}`)
        .replace(/^PORT=.*$/m, 'PORT=0')
    )

    const result = spawnSync(
      process.execPath,
      ['ace', 'test', 'unit', '--files=tests/unit/to_iso.spec.ts'],
      {
        cwd: app.makePath(),
        // A clean environment: only the files decide.
        env: { PATH: process.env.PATH ?? '', ENV_PATH: dir },
        encoding: 'utf8',
        timeout: 120_000,
      }
    )
    assert.equal(result.status, 0, result.stdout + result.stderr)
    assert.isFalse(existsSync(app.makePath(devDb)), 'the development database was not created')
    assert.isTrue(existsSync(app.makePath(testDb)), 'the suite migrated its own database')
  }).timeout(150_000)
})
