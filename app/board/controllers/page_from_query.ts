import { AppException } from '#core/exceptions/app_exception'
import { listPageRequest, pageRequest } from '#board/domain/page_request'
import type { PostOrder, PostSort, TopPeriod } from '#board/domain/post_order'

/** size/page/cursor from validated query values; 422 for a cursor we did not issue. */
export function pageFromQuery(values: { size?: number; page?: number; cursor?: string }) {
  const page = pageRequest(values)
  if (!page) throw AppException.unprocessable('The cursor is invalid', 'cursor')
  return page
}

/** The order and page of a post list; 422 for a period without sort=top, or a foreign cursor. */
export function listFromQuery(values: {
  size?: number
  page?: number
  cursor?: string
  sort?: PostSort
  period?: TopPeriod
}) {
  const order: PostOrder = { sort: values.sort ?? 'latest', period: values.period ?? 'all' }
  if (values.period && order.sort !== 'top')
    throw AppException.unprocessable('A period goes with sort=top only', 'period')
  const page = listPageRequest(values, order)
  if (!page) throw AppException.unprocessable('The cursor is invalid', 'cursor')
  return { order, page }
}
