import { test } from '@japa/runner'
import { spawn, spawnSync } from 'node:child_process'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import {
  PASSWORD,
  createUser,
  login as loginAs,
  signedInUser,
  uniqueName,
} from '#tests/helpers/accounts'
import { runCommand } from '#tests/helpers/ace'

async function roleOf(userId: number) {
  const row = await db
    .from('users')
    .join('roles', 'roles.id', 'users.role_id')
    .where('users.id', userId)
    .select('roles.name')
    .first()
  return row.name
}

test.group('Ace user commands', (group) => {
  group.each.setup(() => limiter.clear())

  test('user:create makes an admin who can log in', async ({ client, assert }) => {
    const name = uniqueName('admin')
    const command = await runCommand('user:create', [
      name,
      `${name}@example.com`,
      '--role=admin',
      '--password=admin-pass-1',
    ])
    assert.equal(command.exitCode, 0)
    const login = await client
      .post('/api/v1/user/login')
      .json({ username: name, password: 'admin-pass-1' })
    login.assertStatus(200)
    const me = await client
      .get('/api/v1/user/me')
      .header('authorization', `Bearer ${login.body().access_token}`)
    assert.equal(me.body().role, 'admin')
    // The operator vouches for the address: verified, and no verification mail.
    assert.isTrue(me.body().email_verified)
    const mails = await db.from('mail_outbox').where('recipient', `${name}@example.com`)
    assert.lengthOf(mails, 0)
  })

  test('user:create fails with exit code 1 for a taken name, a bad role or a weak password', async ({
    assert,
  }) => {
    const existing = await createUser()
    const before = await db.from('users').count('* as total').first()
    for (const args of [
      [existing.name, 'other@example.com', '--password=admin-pass-1'],
      [uniqueName(), 'x@example.com', '--password=admin-pass-1', '--role=emperor'],
      [uniqueName(), 'y@example.com', '--password=short'],
    ]) {
      const command = await runCommand('user:create', args)
      assert.equal(command.exitCode, 1)
    }
    const after = await db.from('users').count('* as total').first()
    assert.equal(Number(after.total), Number(before.total))
  })

  test('user:create without --password and without a terminal exits 1 with one clear line', async ({
    assert,
  }) => {
    const name = uniqueName()
    // A real process whose stdin is a pipe, as in a script or a container entrypoint.
    const result = spawnSync(
      process.execPath,
      ['ace', 'user:create', name, `${name}@example.com`],
      { cwd: app.makePath(), env: process.env, encoding: 'utf8', input: '', timeout: 30_000 }
    )
    assert.equal(result.status, 1, result.stdout + result.stderr)
    assert.include(result.stdout + result.stderr, '--password')
    assert.notInclude(result.stdout + result.stderr, ' at ')
    assert.isNull(await db.from('users').where('name', name).first())
  }).timeout(60_000)

  test('user:role changes the role; unknown users and roles fail', async ({ assert }) => {
    const user = await createUser()
    assert.equal((await runCommand('user:role', [user.name, 'moderator'])).exitCode, 0)
    assert.equal(await roleOf(user.id), 'moderator')
    assert.equal((await runCommand('user:role', [String(user.id), 'king'])).exitCode, 1)
    assert.equal((await runCommand('user:role', ['nobody' + Date.now(), 'user'])).exitCode, 1)
    assert.equal(await roleOf(user.id), 'moderator')
  })

  test('user:block stops a live token at once; user:unblock lifts it', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    assert.equal(
      (await runCommand('user:block', [session.name, '--reason=spam links'])).exitCode,
      0
    )
    const state = await db
      .from('user_states')
      .join('states', 'states.id', 'user_states.state_id')
      .where('user_id', session.id)
      .first()
    assert.equal(state.name, 'blocked')
    assert.equal(state.reason, 'spam links')
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(403)

    assert.equal((await runCommand('user:unblock', [String(session.id)])).exitCode, 0)
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(200)
    assert.equal((await runCommand('user:block', ['nobody' + Date.now()])).exitCode, 1)
  })

  test('user:list runs and filters without treating % as a wildcard', async ({ assert }) => {
    await createUser()
    const all = await runCommand('user:list', [])
    assert.equal(all.exitCode, 0)
    const literal = await runCommand('user:list', ['--search=%'])
    assert.equal(literal.exitCode, 0)
    const logs = literal.lines
    assert.isTrue(logs.some((line) => line.includes('0 user(s)')))
  })

  // User:password
  test('user:password --password sets it and ends every session of the account', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const result = await runCommand('user:password', [session.name, '--password=set-by-op-1'])
    assert.equal(result.exitCode, 0, result.output)
    assert.include(result.output, `Password of "${session.name}" set`)
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(401)
    ;(
      await client.post('/api/v1/user/token').json({ refresh_token: session.refresh })
    ).assertStatus(401)
    ;(
      await client.post('/api/v1/user/login').json({ username: session.name, password: PASSWORD })
    ).assertStatus(401)
    await loginAs(client, session.name, 'set-by-op-1')
  })

  test('user:password refuses a weak password and an unknown user with exit 1', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const weak = await runCommand('user:password', [user.name, '--password=short'])
    assert.equal(weak.exitCode, 1)
    const spaced = await runCommand('user:password', [user.name, '--password=has a space'])
    assert.equal(spaced.exitCode, 1)
    const unknown = await runCommand('user:password', [
      `nobody${Date.now()}`,
      '--password=good-pass-1',
    ])
    assert.equal(unknown.exitCode, 1)
    assert.include(unknown.output, 'not found')
    await loginAs(client, user.name, PASSWORD)
  })

  test('user:password without --password and without a terminal exits 1 with one clear line', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    // A real process whose stdin is a pipe, as in a script or a container entrypoint.
    const result = spawnSync(process.execPath, ['ace', 'user:password', user.name], {
      cwd: app.makePath(),
      env: process.env,
      encoding: 'utf8',
      input: 'new-password-1\nnew-password-1\n',
      timeout: 30_000,
    })
    assert.equal(result.status, 1, result.stdout + result.stderr)
    assert.include(result.stdout + result.stderr, '--password')
    assert.notInclude(result.stdout + result.stderr, ' at ')
    await loginAs(client, user.name, PASSWORD)
  }).timeout(60_000)

  test('user:password in a terminal asks twice, hiding what is typed', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    // `script` runs the command on a pseudo-terminal, as an operator's shell would.
    const child = spawn(
      'script',
      ['-qec', `${process.execPath} ace user:password ${user.name}`, '/dev/null'],
      {
        cwd: app.makePath(),
        env: { ...process.env, TERM: 'dumb' },
        stdio: ['pipe', 'pipe', 'pipe'],
      }
    )
    let screen = ''
    child.stdout.on('data', (chunk) => (screen += chunk))
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    const waitForScreen = async (text: string) => {
      const deadline = Date.now() + 30_000
      while (!screen.includes(text)) {
        if (Date.now() > deadline) throw new Error(`no "${text}" on the terminal: ${screen}`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    }
    await waitForScreen('New password')
    child.stdin.write('typed-pass-42\r')
    await waitForScreen('The same password again')
    child.stdin.write('typed-pass-42\r')
    assert.equal(await exited, 0, screen)
    assert.include(screen, 'set; every session of the account ended')
    assert.notInclude(screen, 'typed-pass-42')
    await loginAs(client, user.name, 'typed-pass-42')
  }).timeout(60_000)
})
