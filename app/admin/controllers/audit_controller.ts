import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { UserDirectory } from '#accounts/public'
import { ListAuditEntries } from '#audit/public'
import { pageNumber, queryText } from '#admin/services/page_number'
import { renderPage } from '#admin/services/render_page'
import { displayTime } from '#admin/services/display_time'

const PAGE_SIZE = 25
const RESOURCE_TYPES = ['post', 'comment', 'user', 'category', 'upload']

export default class AuditController {
  /** The audit log, newest first, by action, actor and resource (admins only: the action says). */
  @inject()
  async index(ctx: HttpContext, listAuditEntries: ListAuditEntries) {
    const filters = auditFilters(ctx.request.qs())
    const page = pageNumber(ctx.request.input('page'))
    const { total, entries } = await listAuditEntries.handle(
      {
        action: filters.action || undefined,
        actor_id: filters.actorId ? Number(filters.actorId) : undefined,
        resource_type: filters.resource || undefined,
        page,
        size: PAGE_SIZE,
      },
      ctx.staff
    )
    const actorIds = [...new Set(entries.flatMap((entry) => entry.actor_id ?? []))]
    const names = await UserDirectory.names(actorIds)
    const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE))
    const query = (to: number) =>
      new URLSearchParams({
        action: filters.action,
        actor: filters.actorId,
        resource: filters.resource,
        page: String(to),
      }).toString()
    return renderPage(ctx, 'admin::audit/index', {
      title: 'Audit log',
      filters,
      resourceTypes: RESOURCE_TYPES,
      total,
      entries: entries.map((entry) => ({
        id: entry.id,
        at: displayTime(entry.created_at),
        actorId: entry.actor_id,
        actor: entry.actor_id === null ? null : (names.get(entry.actor_id) ?? `#${entry.actor_id}`),
        action: entry.action,
        resource: `${entry.resource_type}${entry.resource_id === null ? '' : ` #${entry.resource_id}`}`,
        details: entry.details ? JSON.stringify(entry.details) : '',
      })),
      page,
      prevQuery: page > 1 ? query(page - 1) : null,
      nextQuery: page < lastPage ? query(page + 1) : null,
    })
  }
}

/**
 * The filters of the query string, reduced to what the action accepts, so
 * a typo shows an unfiltered list rather than an error page.
 */
function auditFilters(qs: Record<string, unknown>) {
  const action = queryText(qs.action, 50)
  const actorId = queryText(qs.actor, 12)
  const resource = queryText(qs.resource, 20)
  return {
    action: /^[a-z_]+(\.[a-z_]+)?$/.test(action) ? action : '',
    actorId: /^[1-9]\d{0,11}$/.test(actorId) ? actorId : '',
    resource: RESOURCE_TYPES.includes(resource) ? resource : '',
  }
}
