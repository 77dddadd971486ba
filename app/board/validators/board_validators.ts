import vine from '@vinejs/vine'
import { MAX_PAGE_SIZE } from '#board/domain/page_request'
import { withoutControls } from '#core/validation/text_rules'
import { MAX_ATTACHMENTS } from '#board/services/content_extensions'
import { POST_SORTS, TOP_PERIODS } from '#board/domain/post_order'
import { TAG_PATTERN } from '#board/services/post_tags'

/** Text must hold something other than white space; control characters are dropped first. */
const text = (max: number, multiline = true) =>
  vine.string().use(withoutControls({ multiline })).trim().minLength(1).maxLength(max)

/**
 * Ids a plugin stores with the version (the uploads plugin: the writer's
 * uploads). Left out on an edit: the previous version's are kept; `[]`
 * removes them. Refused (422) when no plugin stores attachments.
 */
const attachments = vine
  .array(vine.number().withoutDecimals().positive())
  .maxLength(MAX_ATTACHMENTS)
  .optional()

/**
 * Tags: lower-cased; letters, digits, `-` and `_`, at most 30; duplicates
 * dropped and the count (at most 5) and BOARD_TAGS checked by the action.
 * Left out on an edit: the post's tags stay; `[]` removes them.
 */
const tags = vine
  .array(vine.string().trim().toLowerCase().regex(TAG_PATTERN))
  .maxLength(20)
  .optional()

export const postValidator = vine.create({
  title: text(255, false),
  content: text(5000),
  attachments,
  tags,
})

export const commentValidator = vine.create({
  content: text(2000),
  attachments,
})

/** A new comment may answer another comment of the same post (`reply_to`, its id). */
export const newCommentValidator = vine.create({
  content: text(2000),
  attachments,
  reply_to: vine.number().withoutDecimals().positive().max(2_147_483_647).optional(),
})

const pageFields = {
  size: vine.number().withoutDecimals().range([1, MAX_PAGE_SIZE]).optional(),
  page: vine.number().withoutDecimals().range([1, 100_000]).optional(),
  cursor: vine.string().maxLength(200).optional(),
}

export const pageValidator = vine.create(pageFields)

export const listPostsValidator = vine.create({
  ...pageFields,
  keyword: vine.string().trim().maxLength(100).optional(),
  sort: vine.enum(POST_SORTS).optional(),
  tag: vine.string().trim().toLowerCase().regex(TAG_PATTERN).optional(),
  period: vine.enum(TOP_PERIODS).optional(),
})

export const boardNameValidator = vine.create({
  board: vine.string().trim().minLength(1).maxLength(50),
})

export const categoryNameValidator = vine.create({
  category: vine.string().trim().minLength(1).maxLength(50),
})

export const tagPrefixValidator = vine.create({
  prefix: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_-]{0,30}$/)
    .optional(),
})
