import vine from '@vinejs/vine'
import {
  REPORT_REASONS,
  REPORT_RESOLUTIONS,
  REPORT_STATUSES,
} from '#moderation/domain/report_rules'

export const reportValidator = vine.create({
  reason: vine.enum(REPORT_REASONS),
  note: vine.string().trim().maxLength(500).optional(),
})

export const resolveValidator = vine.create({
  action: vine.enum(REPORT_RESOLUTIONS),
  note: vine.string().trim().maxLength(500).optional(),
})

export const reportQueueValidator = vine.create({
  status: vine.enum(REPORT_STATUSES).optional(),
  size: vine.number().withoutDecimals().range([1, 50]).optional(),
  cursor: vine.string().maxLength(200).optional(),
})

export const approvalQueueValidator = vine.create({
  size: vine.number().withoutDecimals().range([1, 50]).optional(),
  cursor: vine.string().maxLength(200).optional(),
})

export const rejectValidator = vine.create({
  reason: vine.string().trim().maxLength(500).optional(),
})
