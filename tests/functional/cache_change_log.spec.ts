import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { AuthUserLookup } from '#accounts/public'
import { createUser } from '#tests/helpers/accounts'
import { runCommand } from '#tests/helpers/ace'

test.group('Cache change log', () => {
  test('a change is recorded for the other processes, with what it dropped', async ({ assert }) => {
    const user = await createUser()
    const before = Number((await db.from('cache_changes').max('id as id').first())?.id ?? 0)
    const result = await runCommand('user:block', [user.name])
    assert.equal(result.exitCode, 0, result.output)
    const rows = await db.from('cache_changes').where('id', '>', before).select('cache_keys')
    assert.isTrue(
      rows.some((row) => JSON.parse(row.cache_keys).includes(AuthUserLookup.key(user.id))),
      'the account snapshot is in the log'
    )
  })

  test('an Ace command whose change cannot be recorded says so and exits 1', async ({
    assert,
    cleanup,
  }) => {
    const user = await createUser()
    // The log is unwritable (as when the database fails right after the change).
    await db.rawQuery('ALTER TABLE cache_changes RENAME TO cache_changes_away')
    cleanup(() => db.rawQuery('ALTER TABLE cache_changes_away RENAME TO cache_changes'))
    const result = await runCommand('user:block', [user.name])
    assert.equal(result.exitCode, 1)
    assert.include(result.output, 'other server processes may keep answering the old state')
    assert.notMatch(result.output, /cache_changes|SQL|select|insert/i)
    // The block itself was saved, and this process does not answer the old state.
    assert.deepEqual((await AuthUserLookup.find(user.id))?.states, ['blocked'])
  })
})
