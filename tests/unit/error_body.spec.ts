import { test } from '@japa/runner'
import { toErrorBody } from '#core/exceptions/error_body'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'
import { AppException } from '#core/exceptions/app_exception'

test.group('toErrorBody', () => {
  test('keeps the message and field of an AppException', ({ assert }) => {
    const body = toErrorBody(AppException.conflict('This name is already taken', 'name'))
    assert.deepEqual(body, {
      status: 409,
      errors: [{ code: 'E_CONFLICT', message: 'This name is already taken', field: 'name' }],
    })
  })

  test('turns unique violations into 409 and connection failures into 503', ({ assert }) => {
    assert.equal(
      toErrorBody(Object.assign(new Error('insert into users ...'), { code: 'ER_DUP_ENTRY' }))
        .status,
      409
    )
    assert.equal(
      toErrorBody(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })).status,
      409
    )
    assert.equal(
      toErrorBody(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })).status,
      503
    )
  })

  test('hides the message of unexpected errors', ({ assert }) => {
    const body = toErrorBody(new Error('select * from users where password = "secret"'))
    assert.equal(body.status, 500)
    assert.notInclude(JSON.stringify(body), 'select')
    assert.notInclude(JSON.stringify(body), 'secret')
  })
})

test.group('safeErrorFields', () => {
  test('drops SQL from database errors', ({ assert }) => {
    const error = Object.assign(
      new Error("insert into `users` (`password`) values ('$bcrypt$...') - Duplicate entry"),
      {
        code: 'ER_DUP_ENTRY',
        sql: 'insert into users ...',
        sqlMessage: 'Duplicate entry',
      }
    )
    const fields = safeErrorFields(error)
    assert.equal(fields.message, 'Duplicate entry')
    assert.notInclude(JSON.stringify(fields), 'bcrypt')
  })

  test('keeps SQLite’s own message, not the SQL knex puts before it', ({ assert }) => {
    const error = Object.assign(
      new Error(
        "insert into `users` (`name`) select 'a - b' as `name` union all select 'c' - too many terms in compound SELECT"
      ),
      { code: 'SQLITE_ERROR' }
    )
    const fields = safeErrorFields(error)
    assert.equal(fields.message, 'SQLITE_ERROR: too many terms in compound SELECT')
    assert.notInclude(JSON.stringify(fields), 'a - b')
  })
})

test.group('toErrorBody for cache-wrapped errors', () => {
  test('judges the error a cache loader threw, not the wrapper', ({ assert }) => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), {
      code: 'ECONNREFUSED',
    })
    const wrapped = Object.assign(new Error('Factory has thrown an error'), {
      code: 'E_FACTORY_ERROR',
      cause,
    })
    assert.equal(toErrorBody(wrapped).status, 503)
    const notFound = Object.assign(new Error('x'), {
      code: 'E_FACTORY_ERROR',
      cause: AppException.notFound('Post'),
    })
    assert.equal(toErrorBody(notFound).status, 404)
  })
})
