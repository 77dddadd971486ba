import { test } from '@japa/runner'
import { AVATAR_COLORS, letterAvatar } from '#accounts/domain/letter_avatar'
import { dayFromColumn, utcDay } from '#accounts/domain/utc_day'
import { ProfileFieldRegistry } from '#accounts/services/profile_fields'
import { profileShape } from '#accounts/transformers/profile_json'

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

const source = (fields: string[], values: Record<string, number> = {}) => ({
  fields: Object.fromEntries(fields.map((field) => [field, { type: 'integer' }])),
  load: async (ids: number[]) => new Map(ids.map((id) => [id, values])),
  tags: (id: number) => [`t:${id}`],
})

test.group('letterAvatar', () => {
  test('the first character in upper case, no picture yet', ({ assert }) => {
    assert.deepInclude(letterAvatar('alice'), { url: null, letter: 'A' })
    assert.equal(letterAvatar('émile').letter, 'É')
    assert.equal(letterAvatar('7seas').letter, '7')
    assert.equal(letterAvatar('ßtraße').letter, 'ß', 'ß would grow to SS')
  })

  test('the colour is fixed by the name, whatever its case, and from the palette', ({ assert }) => {
    assert.equal(letterAvatar('Alice').color, letterAvatar('alice').color)
    assert.equal(letterAvatar('alice').color, letterAvatar('alice').color)
    const colors = new Set(Array.from({ length: 200 }, (_, n) => letterAvatar(`member${n}`).color))
    for (const color of colors) assert.include(AVATAR_COLORS, color)
    assert.isAbove(colors.size, AVATAR_COLORS.length / 2, 'names spread over the palette')
  })

  test('white text is readable on every colour (contrast of 4.5:1 or more)', ({ assert }) => {
    for (const color of AVATAR_COLORS) {
      assert.isAtLeast(1.05 / (luminance(color) + 0.05), 4.5, color)
    }
  })
})

test.group('utcDay', () => {
  test('the UTC day of a time, and of a DATE column as each driver returns it', ({ assert }) => {
    assert.equal(utcDay(new Date('2026-12-07T23:59:59Z')), '2026-12-07')
    assert.equal(utcDay(Date.UTC(2026, 0, 1)), '2026-01-01')
    assert.equal(dayFromColumn(new Date('2026-12-07T00:00:00Z')), '2026-12-07')
    assert.equal(dayFromColumn('2026-12-07'), '2026-12-07')
    assert.isNull(dayFromColumn(null))
  })
})

test.group('ProfileFieldRegistry', () => {
  test('a field belongs to one plugin, never to the profile itself', ({ assert }) => {
    const registry = new ProfileFieldRegistry()
    registry.register('board', source(['post_count']))
    assert.throws(
      () => registry.register('karma', source(['post_count'])),
      'Profile field "post_count" of plugin "karma" is taken by plugin "board"'
    )
    for (const own of ['email', 'name', 'avatar']) {
      assert.throws(
        () => registry.register('karma', source([own])),
        `Profile field "${own}" of plugin "karma" is taken by the profile`
      )
    }
    // The same plugin may register again (it replaces its source).
    registry.register('board', source(['post_count', 'comment_count']))
    assert.deepEqual(Object.keys(registry.schemas()), ['post_count', 'comment_count'])
  })

  test('load keeps only declared fields of the accounts asked for', async ({ assert }) => {
    const registry = new ProfileFieldRegistry()
    registry.register('karma', source(['karma'], { karma: 3, sneaky: 1 }))
    const { values, complete } = await registry.load([1, 2])
    assert.isTrue(complete)
    assert.deepEqual(values.get(1), { karma: 3 })
    assert.deepEqual(values.get(2), { karma: 3 })
    assert.deepEqual(registry.tags(5), ['t:5'])
  })

  test('a source removed by its unregister function adds nothing', async ({ assert }) => {
    const registry = new ProfileFieldRegistry()
    assert.isTrue(registry.isEmpty)
    const remove = registry.register('karma', source(['karma'], { karma: 1 }))
    assert.isFalse(registry.isEmpty)
    remove()
    assert.isTrue(registry.isEmpty)
    assert.deepEqual(Object.keys(registry.schemas()), [])
  })

  test("the Profile shape lists plugins' fields as optional", ({ assert }) => {
    const registry = new ProfileFieldRegistry()
    const bare = profileShape(registry)
    assert.deepEqual(Object.keys(bare.properties).sort(), [
      'avatar',
      'avatar_template',
      'created_at',
      'id',
      'last_seen_on',
      'name',
      'role',
    ])
    registry.register('board', source(['post_count']))
    const withBoard = profileShape(registry)
    assert.property(withBoard.properties, 'post_count')
    assert.notInclude(withBoard.required, 'post_count')
    assert.include(withBoard.required, 'last_seen_on')
    assert.isFalse(withBoard.additionalProperties)
  })
})
