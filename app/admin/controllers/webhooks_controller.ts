import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { ManageWebhooks, ListDeliveries } from '#webhooks/public'
import { pageNumber, queryText } from '#admin/services/page_number'
import { renderPage } from '#admin/services/render_page'
import { runAction } from '#admin/services/run_action'
import { displayTime } from '#admin/services/display_time'

const PAGE_SIZE = 20
const STATUSES = ['pending', 'delivered', 'dead']

export default class WebhooksController {
  /**
   * Subscriptions (never their secrets) and the recent deliveries, admins
   * only (the actions refuse others). Creating stays in Ace (`webhook:create`).
   */
  @inject()
  async index(ctx: HttpContext, webhooks: ManageWebhooks, listDeliveries: ListDeliveries) {
    const status = queryText(ctx.request.input('status'), 20)
    const filters = { status: STATUSES.includes(status) ? status : '' }
    const page = pageNumber(ctx.request.input('page'))
    const subscriptions = await webhooks.list(ctx.staff)
    const { total, deliveries } = await listDeliveries.handle(
      { status: filters.status || undefined, page, size: PAGE_SIZE },
      ctx.staff
    )
    const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE))
    const query = (to: number) =>
      new URLSearchParams({ status: filters.status, page: String(to) }).toString()
    return renderPage(ctx, 'admin::webhooks/index', {
      title: 'Webhooks',
      filters,
      statuses: STATUSES,
      // Only the listed fields: the rows never carry a secret.
      subscriptions: subscriptions.map((subscription) => ({
        id: subscription.id,
        url: subscription.url,
        events: subscription.events.join(', '),
        description: subscription.description ?? '',
        active: subscription.active,
        failures: subscription.consecutive_failures,
        disabledReason: subscription.disabled_reason,
        createdAt: displayTime(subscription.created_at),
      })),
      total,
      deliveries: deliveries.map((delivery) => ({
        id: delivery.id,
        subscriptionId: delivery.subscription_id,
        event: delivery.event,
        status: delivery.status,
        attempts: delivery.attempts,
        statusCode: delivery.last_status_code,
        lastError: delivery.last_error ?? '',
        nextAttemptAt: displayTime(delivery.next_attempt_at),
        createdAt: displayTime(delivery.created_at),
      })),
      page,
      prevQuery: page > 1 ? query(page - 1) : null,
      nextQuery: page < lastPage ? query(page + 1) : null,
    })
  }

  @inject()
  async enable(ctx: HttpContext, webhooks: ManageWebhooks) {
    return runAction(ctx, async () => {
      await webhooks.setActive(Number(ctx.params.id), true, ctx.staff)
      return `Webhook #${ctx.params.id} enabled.`
    })
  }

  @inject()
  async disable(ctx: HttpContext, webhooks: ManageWebhooks) {
    return runAction(ctx, async () => {
      await webhooks.setActive(Number(ctx.params.id), false, ctx.staff)
      return `Webhook #${ctx.params.id} disabled.`
    })
  }
}
