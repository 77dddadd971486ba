import { toIso } from '#core/database/to_iso'
import { schemas, shape } from '#core/openapi/openapi_fragment'
import { authorAvatar, authorAvatarSchema, authorName } from '#board/transformers/post_json'

export interface CommentJson {
  id: number
  post_id: number
  /** The comment of the same post this one answers (`reply_to` on create), or null. */
  reply_to: number | null
  user: string
  avatar_template: string | null
  content: string
  version: number
  vote: number
  created_datetime: string
  updated_datetime: string
}

/** A row of commentQuery() as the API answers it. */
export function commentJson(row: Record<string, any>): CommentJson {
  return {
    id: Number(row.id),
    post_id: Number(row.post_id),
    reply_to:
      row.reply_to_id === null || row.reply_to_id === undefined ? null : Number(row.reply_to_id),
    user: authorName(row.author_name, row.author_deleted_at),
    avatar_template: authorAvatar(row.author_avatar, row.author_deleted_at),
    content: row.content as string,
    version: Number(row.current_version),
    vote: Number(row.vote_count),
    created_datetime: toIso(row.created_at)!,
    updated_datetime: toIso(row.updated_at)!,
  }
}

const { id, count, string, dateTime } = schemas

/** The shape of commentJson in the OpenAPI document. */
export const commentShape = shape<CommentJson>({
  id,
  post_id: id,
  reply_to: { ...schemas.nullable(id), description: 'The comment this one answers, or null' },
  user: string,
  avatar_template: authorAvatarSchema,
  content: string,
  version: id,
  vote: count,
  created_datetime: dateTime,
  updated_datetime: dateTime,
})
