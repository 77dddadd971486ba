import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { sqlNow, sqlTime } from '#core/database/sql_now'
import { prepareDateTime } from '#core/database/date_time_column'
import { toIso } from '#core/database/to_iso'

test.group('sqlTime', () => {
  test('UTC text with milliseconds, fixed width', ({ assert }) => {
    assert.equal(sqlTime(Date.UTC(2026, 11, 7, 10, 0, 0, 5)), '2026-12-07 10:00:00.005')
    assert.equal(sqlTime(new Date(Date.UTC(2026, 0, 1))), '2026-01-01 00:00:00.000')
    const paris = DateTime.fromISO('2026-12-07T11:00:00.123', { zone: 'Europe/Paris' })
    assert.equal(sqlNow(paris), '2026-12-07 10:00:00.123')
    assert.lengthOf(sqlNow(), 23)
  })

  test('sorts as text in time order, within one second too', ({ assert }) => {
    const base = Date.UTC(2026, 11, 7, 23, 59, 59)
    const times = [base - 1000, base, base + 1, base + 9, base + 10, base + 999, base + 1000]
    const texts = times.map((at) => sqlTime(at))
    assert.deepEqual([...texts].reverse().sort(), texts)
  })

  test('toIso reads it back as the same instant', ({ assert }) => {
    for (const at of [0, 1, 999, Date.UTC(2024, 1, 29, 12, 30, 15, 42), Date.now()]) {
      assert.equal(toIso(sqlTime(at)), new Date(at).toISOString())
    }
  })

  test('model columns write it; text and missing values pass through', ({ assert }) => {
    const at = DateTime.fromMillis(Date.UTC(2026, 11, 7, 10, 0, 0, 123))
    assert.equal(prepareDateTime(at, 'createdAt'), '2026-12-07 10:00:00.123')
    assert.equal(prepareDateTime('2026-12-07 10:00:00', 'createdAt'), '2026-12-07 10:00:00')
    assert.isNull(prepareDateTime(null, 'deletedAt'))
    assert.throws(() => prepareDateTime(DateTime.invalid('bad'), 'createdAt'), /createdAt/)
    assert.throws(() => prepareDateTime(new Date(), 'createdAt'), /createdAt/)
  })
})
