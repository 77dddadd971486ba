import { test } from '@japa/runner'
import { barChart, lastDays } from '#admin/services/bar_chart'

test.group('barChart', () => {
  test('scales bars to the busiest day and keeps empty days visible', ({ assert }) => {
    const chart = barChart(
      [
        { day: '2026-11-01', count: 0 },
        { day: '2026-11-02', count: 5 },
        { day: '2026-11-03', count: 10 },
      ],
      { width: 300, height: 124 }
    )
    assert.equal(chart.max, 10)
    assert.equal(chart.plotHeight, 100)
    const [empty, half, full] = chart.bars
    assert.equal(empty.height, 1)
    assert.equal(full.height, 84)
    assert.equal(half.height, 42)
    for (const bar of chart.bars) assert.equal(bar.y + bar.height, chart.plotHeight)
    assert.isBelow(empty.x + empty.width, half.x)
    assert.isAtMost(full.x + full.width, 300)
    assert.equal(full.label, '11-03')
    assert.include(chart.summary, '15 posts')
  })

  test('an all-zero series has baseline bars and no division by zero', ({ assert }) => {
    const chart = barChart([{ day: '2026-11-01', count: 0 }])
    assert.equal(chart.max, 0)
    assert.equal(chart.bars[0].height, 1)
    assert.isFalse(Number.isNaN(chart.bars[0].y))
  })

  test('lastDays fills missing days with zero, oldest first, across a month end', ({ assert }) => {
    const days = lastDays(
      new Date('2026-12-02T15:00:00Z'),
      4,
      new Map([
        ['2026-11-30', 3],
        ['2026-12-02', 1],
      ])
    )
    assert.deepEqual(days, [
      { day: '2026-11-29', count: 0 },
      { day: '2026-11-30', count: 3 },
      { day: '2026-12-01', count: 0 },
      { day: '2026-12-02', count: 1 },
    ])
  })
})
