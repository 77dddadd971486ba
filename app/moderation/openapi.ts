import { defineOpenApi, route, schemas, shape } from '#core/openapi/openapi_fragment'
import type { ApprovalQueuePage } from '#moderation/actions/approval_queue'
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
  tag: {
    name: 'moderation',
    description: "Members' reports, the moderators' report queue and the approval queue",
  },
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
    'GET /moderation/posts/pending': route('The approval queue (moderators and admins)', {
      auth,
      query: v.approvalQueueValidator,
      description:
        'Posts waiting for approval (NEW_USER_APPROVAL_POSTS), oldest first, status "pending".',
      notes: {
        size: 'Page size (default 20, at most 50)',
        cursor: 'next_cursor of the previous page',
      },
      200: 'ApprovalQueue',
    }),
    'POST /moderation/posts/{id}/approve': route(
      'Approve a waiting post: published as if created now (moderators and admins)',
      {
        auth,
        description:
          'Counted, searchable and listed at once; watchers and mentioned members are notified ' +
          '(post:created) and post:approved is emitted (webhooks, audit). 409 E_NOT_PENDING ' +
          'when the post is not waiting (already approved or rejected, or never held).',
        200: 'PostWithStatus',
        errors: [409],
      }
    ),
    'POST /moderation/posts/{id}/reject': route(
      'Reject a waiting post: it stays unpublished for good (moderators and admins)',
      {
        auth,
        body: v.rejectValidator,
        description:
          'The author is notified; post:rejected is emitted (webhooks, audit). The body and its ' +
          'reason are optional. 409 E_NOT_PENDING when the post is not waiting.',
        notes: { reason: 'Kept in the audit log and the webhook payload (up to 500 characters)' },
        200: 'PostWithStatus',
        errors: [409],
      }
    ),
  },
  schemas: {
    ...reportShapes,
    ApprovalQueue: shape<ApprovalQueuePage>({
      total: { ...schemas.count, description: 'Posts waiting for approval' },
      post_list: schemas.ref('PostWithStatus[]'),
      next_cursor: schemas.nullable(schemas.string),
    }),
  },
})
