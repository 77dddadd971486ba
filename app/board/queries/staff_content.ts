import db from '@adonisjs/lucid/services/db'
import { withAuthorName } from '#accounts/public'
import { postQuery } from '#board/services/post_query'
import { authorName } from '#board/transformers/post_json'

/** Which posts or comments a staff list shows. */
export interface StaffContentFilter {
  /** Live or deleted content only; both when not given. */
  status?: 'live' | 'deleted'
  /** Only content of this board (a top-level category). */
  boardId?: number | null
  /** Only content by this account. */
  authorId?: number | null
}

type Time = Date | string
type Page = { page: number; size: number }

export interface StaffPost {
  id: number
  title: string
  content: string
  userId: number
  /** The author's name, or "(deleted)". */
  author: string
  categoryId: number
  version: number
  comments: number
  votes: number
  createdAt: Time
  deletedAt: Time | null
}

export interface StaffPostVersion {
  version: number
  title: string
  content: string
  /** Who wrote the version, null when the account is gone. */
  editor: string | null
  createdAt: Time
}

export interface StaffComment {
  id: number
  postId: number
  postDeleted: boolean
  author: string
  content: string
  createdAt: Time
  deletedAt: Time | null
}

/**
 * Read model of posts and comments for staff pages (the admin panel): live
 * or deleted, newest first, with versions. Pages are offset-based and ask
 * one row more than `size` so the caller knows whether a next page exists.
 */
export class StaffContent {
  static async posts(filter: StaffContentFilter, page: Page): Promise<StaffPost[]> {
    const query = postQuery()
      .select('p.deleted_at')
      .orderBy('p.id', 'desc')
      .limit(page.size + 1)
      .offset((page.page - 1) * page.size)
    if (filter.status === 'deleted') query.whereNotNull('p.deleted_at')
    if (filter.status === 'live') query.whereNull('p.deleted_at')
    if (filter.boardId) query.where('p.board_id', filter.boardId)
    if (filter.authorId) query.where('p.user_id', filter.authorId)
    const rows = await query
    return rows.map(staffPost)
  }

  /** A post, live or deleted, or null. */
  static async post(id: number): Promise<StaffPost | null> {
    const row = await postQuery().where('p.id', id).select('p.deleted_at').first()
    return row ? staffPost(row) : null
  }

  /** Every version of a post, newest first. */
  static async postVersions(postId: number): Promise<StaffPostVersion[]> {
    const query = db
      .from('post_versions as v')
      .where('v.post_id', postId)
      .orderBy('v.version', 'desc')
      .select('v.version', 'v.title', 'v.content', 'v.created_at')
    const rows = await withAuthorName(query, 'v.user_id', { name: 'editor' })
    return rows.map((v) => ({
      version: Number(v.version),
      title: v.title,
      content: v.content,
      editor: v.editor ?? null,
      createdAt: v.created_at,
    }))
  }

  /** A post's comments, live and deleted, oldest first, at most `limit`. */
  static async postComments(postId: number, limit: number): Promise<StaffComment[]> {
    const rows = await commentQuery().where('c.post_id', postId).orderBy('c.id', 'asc').limit(limit)
    return rows.map(staffComment)
  }

  static async comments(filter: StaffContentFilter, page: Page): Promise<StaffComment[]> {
    const query = commentQuery()
      .orderBy('c.id', 'desc')
      .limit(page.size + 1)
      .offset((page.page - 1) * page.size)
    if (filter.status === 'deleted') query.whereNotNull('c.deleted_at')
    if (filter.status === 'live') query.whereNull('c.deleted_at')
    if (filter.boardId) query.where('p.board_id', filter.boardId)
    if (filter.authorId) query.where('c.user_id', filter.authorId)
    const rows = await query
    return rows.map(staffComment)
  }
}

function staffPost(row: Record<string, any>): StaffPost {
  return {
    id: Number(row.id),
    title: row.title,
    content: row.content,
    userId: Number(row.user_id),
    author: authorName(row.author_name, row.author_deleted_at),
    categoryId: Number(row.category_id),
    version: Number(row.current_version),
    comments: Number(row.comment_count),
    votes: Number(row.vote_count),
    createdAt: row.created_at,
    deletedAt: row.deleted_at ?? null,
  }
}

/** comments c with their current version v, their post p and the author's name. */
function commentQuery() {
  const query = db
    .from('comments as c')
    .join('comment_versions as v', (join) => {
      join.on('v.comment_id', '=', 'c.id').andOn('v.version', '=', 'c.current_version')
    })
    .join('posts as p', 'p.id', 'c.post_id')
    .select(
      'c.id',
      'c.post_id',
      'c.created_at',
      'c.deleted_at',
      'v.content',
      'p.deleted_at as post_deleted_at'
    )
  return withAuthorName(query, 'c.user_id')
}

function staffComment(row: Record<string, any>): StaffComment {
  return {
    id: Number(row.id),
    postId: Number(row.post_id),
    postDeleted: Boolean(row.post_deleted_at),
    author: authorName(row.author_name, row.author_deleted_at),
    content: row.content,
    createdAt: row.created_at,
    deletedAt: row.deleted_at ?? null,
  }
}
