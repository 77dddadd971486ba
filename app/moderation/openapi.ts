import { defineOpenApi, route, schemas } from '#core/openapi/openapi_fragment'
import * as v from '#moderation/validators/report_validators'
import { reportShapes } from '#moderation/transformers/report_case_json'

const auth = true
const report = (what: string) =>
  route(`Report a ${what} to the moderators`, {
    auth,
    body: v.reportValidator,
    description:
      `Any member, on a live ${what} of someone else (403 E_FORBIDDEN on their own; 404 when ` +
      `the ${what} is missing, deleted or hidden). One open report per member and ${what}: a ` +
      'second is 409 E_ALREADY_REPORTED. When REPORTS_TO_HIDE distinct members have open ' +
      `reports, the ${what} is hidden from everyone but the moderators until one decides. ` +
      'RATE_LIMIT_REPORTS_PER_USER per minute (429).',
    201: 'Report',
    errors: [409, 429],
  })

/** OpenAPI of the moderation plugin's routes (app/moderation/routes.ts). */
export default defineOpenApi({
  prefix: '/api/v1',
  tag: { name: 'moderation', description: "Members' reports and the moderators' report queue" },
  params: { id: schemas.id },
  routes: {
    'POST /post/{id}/report': report('post'),
    'POST /comment/{id}/report': report('comment'),
    'GET /moderation/reports': route('The report queue (moderators and admins)', {
      auth,
      query: v.reportQueueValidator,
      description:
        'Reported posts and comments with their reports, oldest first (status open by default).',
      notes: {
        size: 'Page size (default 20, at most 50)',
        cursor: 'next_cursor of the previous page',
      },
      200: 'ReportQueue',
    }),
    'POST /moderation/reports/{id}/resolve': route(
      "Decide on a report's content; all its reports close (moderators and admins)",
      {
        auth,
        body: v.resolveValidator,
        description:
          'id: any report of the case. dismiss: content hidden by the reports is shown again; ' +
          'delete: the content is deleted; restore: the content is shown again, even if it had ' +
          'been deleted; block_author: the content is deleted and its author blocked (403 when ' +
          'a moderator would block staff). 409 E_ALREADY_RESOLVED when the case is closed.',
        200: 'ReportCase',
        errors: [409],
      }
    ),
  },
  schemas: reportShapes,
})
