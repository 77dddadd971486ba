import { AppException } from '#core/exceptions/app_exception'
import { pageRequest } from '#board/domain/page_request'

/** size/page/cursor from validated query values; 422 for a cursor we did not issue. */
export function pageFromQuery(values: { size?: number; page?: number; cursor?: string }) {
  const page = pageRequest(values)
  if (!page) throw AppException.unprocessable('The cursor is invalid', 'cursor')
  return page
}
