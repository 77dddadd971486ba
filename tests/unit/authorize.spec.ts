import { test } from '@japa/runner'
import { BasePolicy } from '@adonisjs/bouncer'
import { allows, authorize } from '#core/authorization/authorize'
import { deny } from '#core/authorization/denial'
import { AppException } from '#core/exceptions/app_exception'

type Actor = { id: number }

class SamplePolicy extends BasePolicy {
  open() {
    return true
  }
  closed() {
    return false
  }
  explained(actor: Actor, ownerId: number) {
    return actor.id === ownerId || deny('Not yours')
  }
  conflicting() {
    return deny('Busy', { status: 409, code: 'E_BUSY' })
  }
}

async function refusal(check: Promise<void>) {
  try {
    await check
  } catch (error) {
    if (error instanceof AppException) return [error.status, error.code, error.message]
    throw error
  }
  return null
}

test.group('authorize and allows', () => {
  test('a denial becomes the AppException the API answers with', async ({ assert }) => {
    const actor = { id: 1 }
    assert.isNull(await refusal(authorize(actor, SamplePolicy, 'open')))
    assert.isNull(await refusal(authorize(actor, SamplePolicy, 'explained', 1)))
    assert.deepEqual(await refusal(authorize(actor, SamplePolicy, 'closed')), [
      403,
      'E_FORBIDDEN',
      'You are not allowed to do this',
    ])
    assert.deepEqual(await refusal(authorize(actor, SamplePolicy, 'explained', 2)), [
      403,
      'E_FORBIDDEN',
      'Not yours',
    ])
    assert.deepEqual(await refusal(authorize(actor, SamplePolicy, 'conflicting')), [
      409,
      'E_BUSY',
      'Busy',
    ])
  })

  test('allows answers the same question without throwing', async ({ assert }) => {
    const actor = { id: 1 }
    assert.isTrue(await allows(actor, SamplePolicy, 'open'))
    assert.isTrue(await allows(actor, SamplePolicy, 'explained', 1))
    assert.isFalse(await allows(actor, SamplePolicy, 'explained', 2))
    assert.isFalse(await allows(actor, SamplePolicy, 'conflicting'))
  })

  test('a null actor is an operator at the command line: always allowed', async ({ assert }) => {
    assert.isNull(await refusal(authorize(null, SamplePolicy, 'closed')))
    assert.isNull(
      await refusal(
        authorize<Actor, typeof SamplePolicy, 'explained'>(null, SamplePolicy, 'explained', 2)
      )
    )
    assert.isTrue(await allows(null, SamplePolicy, 'conflicting'))
  })
})
