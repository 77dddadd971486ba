import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { toErrorBody } from '#core/exceptions/error_body'

test.group('Statement timeout (MariaDB)', () => {
  test('a statement running past MYSQL_STATEMENT_TIMEOUT_MS is cancelled and answers 503', async ({
    assert,
  }) => {
    // SQLite has no statement timeout; the MariaDB run of .ci/run covers this.
    if (db.connection().dialect.name !== 'mysql') return
    const started = Date.now()
    const error = await db.rawQuery('select sleep(30)').then(
      () => null,
      (reason) => reason
    )
    assert.isNotNull(error, 'the statement was cancelled')
    assert.isBelow(Date.now() - started, 20_000)
    assert.equal(toErrorBody(error).status, 503)
  }).timeout(40_000)
})
