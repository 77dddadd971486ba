export interface DayCount {
  /** yyyy-MM-dd (UTC) */
  day: string
  count: number
}

export interface Bar {
  x: number
  y: number
  width: number
  height: number
  day: string
  label: string
  count: number
}

export interface BarChart {
  width: number
  height: number
  /** Height of the plot area; day labels go below it. */
  plotHeight: number
  max: number
  bars: Bar[]
  summary: string
}

/**
 * Geometry of a small bar chart (one bar per day), drawn as inline SVG by
 * the dashboard view: no script and no chart library. Bars are scaled to
 * the busiest day; an empty day keeps a 1px baseline so it stays visible.
 */
export function barChart(days: DayCount[], options = { width: 640, height: 200 }): BarChart {
  const labelSpace = 24
  const plotHeight = options.height - labelSpace
  const max = Math.max(0, ...days.map((d) => d.count))
  const slot = days.length ? options.width / days.length : options.width
  const barWidth = Math.max(1, Math.floor(slot * 0.7))
  const bars = days.map((d, index) => {
    const height = max === 0 ? 1 : Math.max(1, Math.round((d.count / max) * (plotHeight - 16)))
    return {
      x: Math.round(index * slot + (slot - barWidth) / 2),
      y: plotHeight - height,
      width: barWidth,
      height,
      day: d.day,
      label: d.day.slice(5),
      count: d.count,
    }
  })
  const total = days.reduce((sum, d) => sum + d.count, 0)
  const summary = days.length
    ? `${total} posts from ${days[0].day} to ${days.at(-1)!.day}; busiest day ${max}`
    : 'No data'
  return { width: options.width, height: options.height, plotHeight, max, bars, summary }
}

/** The last `count` days up to `today` (yyyy-MM-dd, UTC), oldest first, zero-filled. */
export function lastDays(today: Date, count: number, counts: Map<string, number>): DayCount[] {
  const days: DayCount[] = []
  for (let offset = count - 1; offset >= 0; offset--) {
    const date = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - offset)
    )
    const day = date.toISOString().slice(0, 10)
    days.push({ day, count: counts.get(day) ?? 0 })
  }
  return days
}
