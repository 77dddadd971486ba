import vine from '@vinejs/vine'

export const listAuditValidator = vine.create({
  actor_id: vine.number().withoutDecimals().min(1).optional(),
  action: vine
    .string()
    .trim()
    .maxLength(50)
    .regex(/^[a-z_]+(\.[a-z_]+)?$/)
    .optional(),
  resource_type: vine.enum(['post', 'comment', 'user', 'category', 'upload']).optional(),
  resource_id: vine.number().withoutDecimals().min(1).optional(),
  // ISO 8601 dates or times, read as UTC by the action.
  since: vine.string().trim().maxLength(40).optional(),
  until: vine.string().trim().maxLength(40).optional(),
  page: vine.number().withoutDecimals().range([1, 100_000]).optional(),
  size: vine.number().withoutDecimals().range([1, 100]).optional(),
})
