import { test } from '@japa/runner'
import { refreshTokenStatus } from '#accounts/domain/refresh_token_status'
import { isBlocked } from '#accounts/domain/auth_user'
import { placeholderIdentity } from '#accounts/domain/placeholder_identity'
import { nameGrams } from '#accounts/services/user_name_index'

const now = new Date('2026-01-01T00:00:00Z')
const later = new Date('2026-02-01T00:00:00Z')
const earlier = new Date('2025-12-01T00:00:00Z')

test.group('refreshTokenStatus', () => {
  test('active until it expires', ({ assert }) => {
    assert.equal(
      refreshTokenStatus({ spentAt: null, revokedAt: null, expiresAt: later }, now),
      'active'
    )
    assert.equal(
      refreshTokenStatus({ spentAt: null, revokedAt: null, expiresAt: earlier }, now),
      'expired'
    )
    assert.equal(
      refreshTokenStatus({ spentAt: null, revokedAt: null, expiresAt: now }, now),
      'expired'
    )
  })

  test('revoked wins over spent, spent over expired', ({ assert }) => {
    assert.equal(
      refreshTokenStatus({ spentAt: earlier, revokedAt: earlier, expiresAt: later }, now),
      'revoked'
    )
    assert.equal(
      refreshTokenStatus({ spentAt: earlier, revokedAt: null, expiresAt: earlier }, now),
      'spent'
    )
  })
})

test.group('states', () => {
  test('blocked is a state of its own', ({ assert }) => {
    assert.isTrue(isBlocked({ states: ['blocked'] }))
    assert.isFalse(isBlocked({ states: ['deactivated'] }))
  })

  test('a deleted account’s placeholder cannot collide with a signup name', ({ assert }) => {
    const identity = placeholderIdentity(42)
    assert.notMatch(identity.name, /^[\p{L}\p{N}]+$/u)
    assert.match(identity.email, /\.invalid$/)
  })
})

test.group('Name grams', () => {
  test('a name gives its distinct 3-character runs, case and accents folded', ({ assert }) => {
    assert.deepEqual(nameGrams('Zoë'), ['zoe'])
    assert.deepEqual(nameGrams('AnnaAnna'), ['ann', 'nna', 'naa', 'aan'])
    assert.deepEqual(nameGrams('Al'), [])
  })
})
