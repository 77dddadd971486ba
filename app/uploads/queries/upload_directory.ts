import db from '@adonisjs/lucid/services/db'
import { indexedFrom } from '#core/database/indexed_from'
import { authorize } from '#core/authorization/authorize'
import { toIso } from '#core/database/to_iso'
import type { Actor } from '#accounts/public'
import config from '#uploads/config'
import UploadPolicy from '#uploads/policies/upload_policy'
import { extensionOf } from '#uploads/domain/storage_key'
import { uploadUrl } from '#uploads/transformers/upload_json'

export const UPLOAD_SORTS = ['newest', 'size'] as const
export type UploadSort = (typeof UPLOAD_SORTS)[number]

export interface UploadListFilters {
  sort?: UploadSort
  /** One member's uploads (the caller resolves a name to an id). */
  userId?: number
  /** From `nextCursor` of the previous page; an invalid one means the first page. */
  cursor?: string | null
  /** Rows per page, 1..100 (25). */
  size?: number
}

export interface UploadEntry {
  id: number
  userId: number
  contentType: string
  size: number
  width: number | null
  height: number | null
  originalName: string | null
  url: string
  thumbnailUrl: string | null
  /** A post or comment uses it (unattached ones are pruned after UPLOAD_UNATTACHED_TTL_HOURS). */
  attached: boolean
  createdAt: string | null
}

export interface UploadUsage {
  files: number
  bytes: number
}

const NEWEST_CURSOR = /^[1-9]\d{0,17}$/
const SIZE_CURSOR = /^(0|[1-9]\d{0,15})\.([1-9]\d{0,17})$/

/**
 * Everyone's uploads for staff (UploadPolicy.browse): newest first or
 * largest first, all or one member's, a page at a time from a cursor.
 * Each order reads an index (the primary key, `(size, id)`, `(user_id,
 * id)`, `(user_id, size, id)`): a page costs the same at the end of
 * millions of rows as at the start, which an OFFSET would not.
 */
/**
 * The index each order reads, pinned: on a small or skewed table MariaDB may
 * take `(user_id, size, id)` for one member's newest and sort the rows.
 */
function indexFor(sort: string, userId: number | undefined) {
  if (sort === 'size') return userId ? 'uploads_user_id_size_id_index' : 'uploads_size_id_index'
  return userId ? 'uploads_user_id_id_index' : undefined
}

const pageSize = (filters: UploadListFilters) => Math.min(Math.max(filters.size ?? 25, 1), 100)

export class UploadDirectory {
  static async list(actor: Actor | null, filters: UploadListFilters = {}) {
    await authorize(actor, UploadPolicy, 'browse')
    const sort = filters.sort ?? 'newest'
    const size = pageSize(filters)
    const rows: Record<string, any>[] = await UploadDirectory.pageQuery(filters)
    const page = rows.slice(0, size).map(entryOf)
    const last = page.at(-1)
    const nextCursor =
      rows.length > size && last
        ? sort === 'size'
          ? `${last.size}.${last.id}`
          : `${last.id}`
        : null
    return { uploads: page, nextCursor }
  }

  /** The query of a page (one row more than the page), unrun: the tests read its plan. */
  static pageQuery(filters: UploadListFilters = {}) {
    const sort = filters.sort ?? 'newest'
    const size = pageSize(filters)
    const query = indexedFrom('uploads', 'uploads', indexFor(sort, filters.userId))
      .select(
        'id',
        'user_id',
        'public_id',
        'storage_key',
        'thumbnail_key',
        'content_type',
        'size',
        'width',
        'height',
        'original_name',
        'attached_at',
        'created_at'
      )
      .limit(size + 1)
    if (filters.userId) query.where('user_id', filters.userId)
    if (sort === 'size') {
      const at = SIZE_CURSOR.exec(filters.cursor ?? '')
      if (at) {
        const [bytes, id] = [Number(at[1]), Number(at[2])]
        query.where((where) =>
          where
            .where('size', '<', bytes)
            .orWhere((same) => same.where('size', bytes).where('id', '<', id))
        )
      }
      query.orderBy('size', 'desc').orderBy('id', 'desc')
    } else {
      if (NEWEST_CURSOR.test(filters.cursor ?? '')) query.where('id', '<', Number(filters.cursor))
      query.orderBy('id', 'desc')
    }
    return query
  }

  /**
   * What members' uploads take (what the quota counts), by user id, with
   * the quota (UPLOAD_QUOTA_MB): staff only, like the list.
   */
  static async usage(actor: Actor | null, userIds: number[]) {
    await authorize(actor, UploadPolicy, 'browse')
    const usage = new Map<number, UploadUsage>()
    if (userIds.length) {
      const rows = await db
        .from('uploads')
        .whereIn('user_id', [...new Set(userIds)])
        .groupBy('user_id')
        .select('user_id')
        .count('* as files')
        .sum('size as bytes')
      for (const row of rows) {
        usage.set(Number(row.user_id), { files: Number(row.files), bytes: Number(row.bytes) })
      }
    }
    return { usage, quotaBytes: config.get().quotaBytes }
  }
}

function entryOf(row: Record<string, any>): UploadEntry {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    contentType: row.content_type,
    size: Number(row.size),
    width: row.width === null ? null : Number(row.width),
    height: row.height === null ? null : Number(row.height),
    originalName: row.original_name,
    url: uploadUrl(row.public_id, extensionOf(row.storage_key)),
    thumbnailUrl: row.thumbnail_key ? uploadUrl(row.public_id, 'webp', true) : null,
    attached: row.attached_at !== null,
    createdAt: toIso(row.created_at),
  }
}
