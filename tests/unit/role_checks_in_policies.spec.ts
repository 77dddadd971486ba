import { test } from '@japa/runner'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'

/** `role === 'admin'`, `'moderator' !== user.role`, `role.name !== 'user'`, ... */
const ROLE_COMPARISON =
  /\brole(?:\.name)?\s*[!=]==?\s*['"](?:admin|moderator|user)['"]|['"](?:admin|moderator|user)['"]\s*[!=]==?\s*[\w.]*\brole\b/

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return ['tests', 'policies'].includes(entry.name) ? [] : sources(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

test.group('Policies are the one place that says who may do what', () => {
  test('no code outside app/*/policies compares roles', ({ assert }) => {
    const root = app.makePath('app')
    const offenders = sources(root).filter((file) =>
      ROLE_COMPARISON.test(readFileSync(file, 'utf8'))
    )
    assert.deepEqual(
      offenders.map((file) => relative(root, file)),
      [],
      'ask a policy (docs/plugins.md, "Who may do what: policies")'
    )
  })

  test('the pattern catches the comparisons it is meant to', ({ assert }) => {
    for (const code of [
      "actor.role === 'admin'",
      "user.role !== 'moderator'",
      "target.role.name !== 'user'",
      "'admin' === snapshot.role",
    ]) {
      assert.match(code, ROLE_COMPARISON, code)
    }
    assert.notMatch("typeof user.role === 'string'", ROLE_COMPARISON)
  })
})
