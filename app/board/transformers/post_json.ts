import { toIso } from '#core/database/to_iso'
import { DELETED_AUTHOR_NAME } from '#accounts/public'
import type { CategoryTree } from '#board/domain/category_tree'
import { schemas, shape } from '#core/openapi/openapi_fragment'

/** A row of the post list query (posts p + current version v + author name). */
export interface PostRow {
  id: number
  category_id: number
  user_id: number
  current_version: number
  vote_count: number
  comment_count: number
  created_at: Date | string
  updated_at: Date | string
  title: string
  content: string
  author_name: string | null
  author_deleted_at: Date | string | null
}

export interface PostJson {
  id: number
  created_datetime: string
  updated_datetime: string
  category: string
  user: string
  title: string
  content: string
  comment: number
  vote: number
}

/** The author's name, or a placeholder once the account is deleted. */
export function authorName(name: string | null, deletedAt: unknown) {
  return !name || deletedAt ? DELETED_AUTHOR_NAME : name
}

export function postJson(row: PostRow, tree: CategoryTree): PostJson {
  return {
    id: Number(row.id),
    created_datetime: toIso(row.created_at)!,
    updated_datetime: toIso(row.updated_at)!,
    category: tree.byId(Number(row.category_id))?.name ?? '',
    user: authorName(row.author_name, row.author_deleted_at),
    title: row.title,
    content: row.content,
    comment: Number(row.comment_count),
    vote: Number(row.vote_count),
  }
}

export function postDetailJson(row: PostRow, tree: CategoryTree) {
  return {
    ...postJson(row, tree),
    version: Number(row.current_version),
    user_id: Number(row.user_id),
  }
}

const { id, count, string, dateTime } = schemas
const postFields = {
  id,
  created_datetime: dateTime,
  updated_datetime: dateTime,
  category: string,
  user: { ...string, description: 'Author name, or a placeholder once deleted' },
  title: string,
  content: string,
  comment: count,
  vote: count,
}

/** The shapes of postJson and postDetailJson in the OpenAPI document. */
export const postShapes = {
  Post: shape<PostJson>(postFields),
  PostDetail: shape<ReturnType<typeof postDetailJson>>({ ...postFields, version: id, user_id: id }),
}
