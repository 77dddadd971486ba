import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { toIso } from '#core/database/to_iso'

/** What the function answered when every string went through luxon. */
function viaLuxon(value: string) {
  const parsed = DateTime.fromSQL(value, { zone: 'utc' })
  return parsed.isValid
    ? parsed.toISO({ suppressMilliseconds: false })!.replace('+00:00', 'Z')
    : value
}

test.group('toIso', () => {
  test('SQLite timestamps give the same ISO text as luxon did', ({ assert }) => {
    for (const value of [
      '2026-11-28 06:05:09',
      '2026-11-28 06:05:09.120',
      '2024-02-29 23:59:59',
      '1999-12-31 00:00:00.001',
      '2026-01-01 00:00',
      '2026-11-28T06:05:09',
      '2026-11-28 06:05:09.123456',
      // Calendar edges: leap days, month lengths, the last second of a day.
      '2000-02-29 12:00:00',
      '1900-02-29 12:00:00',
      '2023-02-29 12:00:00',
      '2026-04-31 12:00:00',
      '2026-12-31 23:59:59.999',
      '2026-13-01 00:00:00',
      '2026-00-10 00:00:00',
      '2026-01-00 00:00:00',
      '2026-01-01 24:00:00',
      '2026-01-01 23:60:00',
      '2026-01-01 23:00:60',
    ]) {
      assert.equal(toIso(value), viaLuxon(value), value)
    }
    assert.equal(toIso('2026-11-28 06:05:09'), '2026-11-28T06:05:09.000Z')
  })

  test('impossible calendar times and other text are left as they were', ({ assert }) => {
    assert.equal(toIso('2026-02-30 10:00:00'), '2026-02-30 10:00:00')
    assert.equal(toIso('2026-11-28 25:00:00'), '2026-11-28 25:00:00')
    assert.equal(toIso('not a date'), 'not a date')
  })

  test('Dates and missing values', ({ assert }) => {
    assert.equal(toIso(new Date(Date.UTC(2026, 10, 28, 6, 5, 9))), '2026-11-28T06:05:09.000Z')
    assert.isNull(toIso(null))
    assert.isNull(toIso(undefined))
  })
})
