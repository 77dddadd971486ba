import type { HttpContext } from '@adonisjs/core/http'
import { dashboardStats } from '#admin/services/dashboard_stats'
import { barChart } from '#admin/services/bar_chart'
import { renderPage } from '#admin/services/render_page'

export default class DashboardController {
  async show(ctx: HttpContext) {
    const stats = await dashboardStats()
    return renderPage(ctx, 'admin::dashboard', {
      title: 'Dashboard',
      stats,
      chart: stats.board ? barChart(stats.board.postsPerDay) : null,
    })
  }
}
