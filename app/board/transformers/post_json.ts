import { toIso } from '#core/database/to_iso'
import { DELETED_AUTHOR_NAME } from '#accounts/public'
import type { CategoryTree } from '#board/domain/category_tree'
import { schemas, shape } from '#core/openapi/openapi_fragment'
import { tagsOf } from '#board/services/post_tags'

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
  pinned_at?: Date | string | null
  locked_at?: Date | string | null
  last_activity_at?: Date | string
  tags?: string | null
  title: string
  content: string
  author_name: string | null
  author_deleted_at: Date | string | null
  /** The author's picture template (withAuthorName), null when none or deleted. */
  author_avatar?: string | null
}

export interface PostJson {
  id: number
  created_datetime: string
  updated_datetime: string
  category: string
  user: string
  avatar_template: string | null
  title: string
  content: string
  comment: number
  vote: number
  pinned: boolean
  locked: boolean
  /** The newest live comment's time, else the post's own: what `sort=activity` orders by. */
  activity_datetime: string
  /** Lower-case, sorted; the post's (not a version's). */
  tags: string[]
}

/** The author's name, or a placeholder once the account is deleted. */
export function authorName(name: string | null, deletedAt: unknown) {
  return !name || deletedAt ? DELETED_AUTHOR_NAME : name
}

/** The author's picture template, or null (none, or a deleted account). */
export function authorAvatar(avatar: string | null | undefined, deletedAt: unknown) {
  return deletedAt ? null : (avatar ?? null)
}

export function postJson(row: PostRow, tree: CategoryTree): PostJson {
  return {
    id: Number(row.id),
    created_datetime: toIso(row.created_at)!,
    updated_datetime: toIso(row.updated_at)!,
    category: tree.byId(Number(row.category_id))?.name ?? '',
    user: authorName(row.author_name, row.author_deleted_at),
    avatar_template: authorAvatar(row.author_avatar, row.author_deleted_at),
    title: row.title,
    content: row.content,
    comment: Number(row.comment_count),
    vote: Number(row.vote_count),
    pinned: Boolean(row.pinned_at),
    locked: Boolean(row.locked_at),
    activity_datetime: toIso(row.last_activity_at ?? row.created_at)!,
    tags: tagsOf(row.tags),
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
/** The author's picture: a URL template with `{size}` (docs/uploads.md, "Avatars"). */
export const authorAvatarSchema = {
  ...schemas.nullable(string),
  description:
    "The author's picture as a URL template: replace `{size}` with 48, 96 or 240; null when none or deleted",
}
const postFields = {
  id,
  created_datetime: dateTime,
  updated_datetime: dateTime,
  category: string,
  user: { ...string, description: 'Author name, or a placeholder once deleted' },
  avatar_template: authorAvatarSchema,
  title: string,
  content: string,
  comment: count,
  vote: count,
  pinned: {
    type: 'boolean',
    description: "Pinned by a moderator: first on its category's first page",
  },
  tags: {
    type: 'array',
    items: string,
    maxItems: 5,
    description: "The post's tags, lower-case and sorted",
  },
  activity_datetime: {
    ...dateTime,
    description:
      "The newest live comment's time, else the post's creation: what sort=activity orders by",
  },
  locked: {
    type: 'boolean',
    description: 'Locked by a moderator: no new comments or votes (423 E_LOCKED)',
  },
}

/** The shapes of postJson and postDetailJson in the OpenAPI document. */
export const postShapes = {
  Post: shape<PostJson>(postFields),
  PostDetail: shape<ReturnType<typeof postDetailJson>>({ ...postFields, version: id, user_id: id }),
  /** A post as the approval queue shows it (PendingPosts). */
  PostWithStatus: shape<ReturnType<typeof postDetailJson> & { status: string }>({
    ...postFields,
    version: id,
    user_id: id,
    status: {
      enum: ['pending', 'published', 'deleted', 'rejected'],
      description:
        'pending: waiting for approval (seen by its author and staff only); published: live; ' +
        'deleted: published, deleted since; rejected: rejected, or withdrawn by its author',
    },
  }),
}
