import type { HttpContext } from '@adonisjs/core/http'
import { UserDirectory } from '#accounts/public'
import { DeleteUpload, UPLOAD_SORTS, UploadDirectory, type UploadSort } from '#uploads/public'
import { queryText } from '#admin/services/page_number'
import { renderPage } from '#admin/services/render_page'
import { runAction } from '#admin/services/run_action'
import { displayTime } from '#admin/services/display_time'
import { formatBytes } from '#admin/services/format_bytes'

const PAGE_SIZE = 25

export default class UploadsController {
  /**
   * Everyone's uploads, newest or largest first, all or one member's (by
   * name), a page at a time from a cursor; each uploader's usage against
   * the quota. Staff only: UploadPolicy.browse, asked by the read model.
   */
  async index(ctx: HttpContext) {
    const qs = ctx.request.qs()
    const sort: UploadSort = UPLOAD_SORTS.includes(qs.sort) ? qs.sort : 'newest'
    const user = queryText(qs.user, 50)
    const cursor = queryText(qs.cursor, 40)
    const userId = user ? await UserDirectory.idByName(user) : null
    const unknownUser = Boolean(user) && userId === null

    const { uploads, nextCursor } = unknownUser
      ? { uploads: [], nextCursor: null }
      : await UploadDirectory.list(ctx.staff, {
          sort,
          userId: userId ?? undefined,
          cursor,
          size: PAGE_SIZE,
        })
    const uploaderIds = [
      ...new Set([...uploads.map((upload) => upload.userId), ...(userId === null ? [] : [userId])]),
    ]
    const [names, { usage, quotaBytes }] = await Promise.all([
      UserDirectory.names(uploaderIds),
      UploadDirectory.usage(ctx.staff, uploaderIds),
    ])
    const quotaOf = (id: number) => {
      const used = usage.get(id)?.bytes ?? 0
      return {
        files: usage.get(id)?.files ?? 0,
        used: formatBytes(used),
        limit: formatBytes(quotaBytes),
        percent: Math.min(100, Math.round((used / quotaBytes) * 100)),
      }
    }
    const query = (extra: Record<string, string>) =>
      new URLSearchParams({ sort, ...(user ? { user } : {}), ...extra }).toString()

    return renderPage(ctx, 'admin::uploads/index', {
      title: 'Uploads',
      filters: { sort, user },
      sorts: [
        { value: 'newest', label: 'Newest first' },
        { value: 'size', label: 'Largest first' },
      ],
      unknownUser,
      member:
        userId === null
          ? null
          : { id: userId, name: names.get(userId) ?? user, ...quotaOf(userId) },
      uploads: uploads.map((upload) => ({
        id: upload.id,
        url: upload.url,
        thumbnailUrl: upload.thumbnailUrl,
        name: upload.originalName ?? `upload #${upload.id}`,
        type: upload.contentType,
        dimensions: upload.width && upload.height ? `${upload.width}×${upload.height}` : null,
        size: formatBytes(upload.size),
        attached: upload.attached,
        createdAt: displayTime(upload.createdAt),
        uploaderId: upload.userId,
        uploader: names.get(upload.userId) ?? `#${upload.userId}`,
        quota: quotaOf(upload.userId),
      })),
      firstQuery: cursor ? query({}) : null,
      nextQuery: nextCursor ? query({ cursor: nextCursor }) : null,
    })
  }

  /** Deletes an upload (UploadPolicy.delete, asked by the action; audited as upload.deleted). */
  async destroy(ctx: HttpContext) {
    return runAction(ctx, async () => {
      await new DeleteUpload().handle(Number(ctx.params.id), ctx.staff)
      return `Upload #${ctx.params.id} deleted.`
    })
  }
}
