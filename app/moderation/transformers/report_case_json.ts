import { schemas, shape } from '#core/openapi/openapi_fragment'
import type { ReportReason, ReportResolution, ReportStatus } from '#moderation/domain/report_rules'

const { id, count, string, dateTime, nullable } = schemas
const bool = { type: 'boolean' }

export interface ReportJson {
  id: number
  reporter_id: number
  reporter: string
  reason: ReportReason
  note: string | null
  created_datetime: string
}

export interface ReportTargetJson {
  type: 'post' | 'comment'
  id: number
  /** The post itself, or the comment's post; null when the content is gone. */
  post_id: number | null
  author_id: number
  author: string
  title: string | null
  content: string | null
  /** Shown to everyone. */
  live: boolean
  /** Hidden by reports until a moderator decides. */
  hidden: boolean
}

export interface ReportCaseJson {
  id: number
  status: ReportStatus
  report_count: number
  created_datetime: string
  target: ReportTargetJson
  resolution: {
    action: ReportResolution
    note: string | null
    moderator_id: number | null
    resolved_datetime: string
  } | null
  reports: ReportJson[]
}

const reportShape = shape<ReportJson>({
  id,
  reporter_id: id,
  reporter: string,
  reason: { enum: ['spam', 'abuse', 'off_topic', 'other'] },
  note: nullable(string),
  created_datetime: dateTime,
})

export const reportShapes = {
  Report: shape<{
    id: number
    case_id: number
    target_type: string
    target_id: number
    reason: string
    note: string | null
  }>({
    id,
    case_id: id,
    target_type: { enum: ['post', 'comment'] },
    target_id: id,
    reason: { enum: ['spam', 'abuse', 'off_topic', 'other'] },
    note: nullable(string),
  }),
  ReportCase: shape<ReportCaseJson>({
    id,
    status: { enum: ['open', 'resolved'] },
    report_count: count,
    created_datetime: dateTime,
    target: shape<ReportTargetJson>({
      type: { enum: ['post', 'comment'] },
      id,
      post_id: nullable(id),
      author_id: id,
      author: string,
      title: nullable(string),
      content: nullable(string),
      live: bool,
      hidden: bool,
    }),
    resolution: nullable(
      shape<NonNullable<ReportCaseJson['resolution']>>({
        action: { enum: ['dismiss', 'delete', 'restore', 'block_author'] },
        note: nullable(string),
        moderator_id: nullable(id),
        resolved_datetime: dateTime,
      })
    ),
    reports: { type: 'array', items: reportShape },
  }),
  ReportQueue: shape<{ case_list: unknown; next_cursor: unknown }>({
    case_list: { type: 'array', items: { $ref: '#/components/schemas/ReportCase' } },
    next_cursor: nullable(string),
  }),
}
