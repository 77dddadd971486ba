import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { AppException } from '#core/exceptions/app_exception'
import { CategoryTreeCache, DeletePost, EditPost, StaffContent } from '#board/public'
import { contentFilters, filtersQuery, staffFilter } from '#admin/services/content_filters'
import { pageNumber } from '#admin/services/page_number'
import { versionDiff } from '#admin/services/version_diff'
import { renderPage } from '#admin/services/render_page'
import { displayTime as when } from '#admin/services/display_time'
import { runAction } from '#admin/services/run_action'

const PAGE_SIZE = 25

export default class PostsController {
  /** Recent (live) or deleted posts, newest first, by board and author. */
  async index(ctx: HttpContext) {
    const tree = await CategoryTreeCache.get()
    const filters = contentFilters(ctx.request.qs(), tree)
    const page = pageNumber(ctx.request.input('page'))
    const filter = await staffFilter(filters)
    const rows = filter ? await StaffContent.posts(filter, { page, size: PAGE_SIZE }) : []
    return renderPage(ctx, 'admin::content/posts', {
      title: filters.status === 'deleted' ? 'Deleted posts' : 'Recent posts',
      filters,
      boards: tree.boards().map((b) => b.name),
      posts: rows.slice(0, PAGE_SIZE).map((post) => ({
        id: post.id,
        title: post.title,
        author: post.author,
        category: tree.byId(post.categoryId)?.name ?? '?',
        createdAt: when(post.createdAt),
        deletedAt: when(post.deletedAt),
        comments: post.comments,
        votes: post.votes,
      })),
      page,
      prevQuery: page > 1 ? filtersQuery(filters, page - 1) : null,
      nextQuery: rows.length > PAGE_SIZE ? filtersQuery(filters, page + 1) : null,
    })
  }

  /** One post (live or deleted): its versions, a diff of two of them, its comments. */
  async show(ctx: HttpContext) {
    const postId = Number(ctx.params.id)
    const post = await StaffContent.post(postId)
    if (!post) throw AppException.notFound('Post')
    const [tree, versions, comments] = await Promise.all([
      CategoryTreeCache.get(),
      StaffContent.postVersions(postId),
      StaffContent.postComments(postId, 200),
    ])

    const current = post.version
    const to = versionNumber(ctx.request.input('to'), current)
    const from = versionNumber(ctx.request.input('from'), Math.max(1, to - 1))
    const byVersion = new Map(versions.map((v) => [v.version, v]))
    const before = byVersion.get(from)
    const after = byVersion.get(to)

    return renderPage(ctx, 'admin::content/post', {
      title: `Post #${postId}`,
      post: {
        id: postId,
        title: post.title,
        content: post.content,
        author: post.author,
        userId: post.userId,
        category: tree.byId(post.categoryId)?.name ?? '?',
        version: current,
        createdAt: when(post.createdAt),
        deletedAt: when(post.deletedAt),
      },
      versions: versions.map((v) => ({
        version: v.version,
        title: v.title,
        editor: v.editor ?? '?',
        createdAt: when(v.createdAt),
      })),
      from,
      to,
      diff: before && after && from !== to ? versionDiff(before, after) : null,
      diffProblem:
        before && after ? null : 'One of the chosen versions does not exist for this post.',
      comments: comments.map((c) => ({
        id: c.id,
        author: c.author,
        content: c.content,
        createdAt: when(c.createdAt),
        deletedAt: when(c.deletedAt),
      })),
    })
  }

  @inject()
  async destroy(ctx: HttpContext, deletePost: DeletePost) {
    return runAction(ctx, async () => {
      await deletePost.delete(ctx.staff, Number(ctx.params.id))
      return `Post #${ctx.params.id} deleted.`
    })
  }

  @inject()
  async restore(ctx: HttpContext, deletePost: DeletePost) {
    return runAction(ctx, async () => {
      await deletePost.restore(ctx.staff, Number(ctx.params.id))
      return `Post #${ctx.params.id} restored.`
    })
  }

  @inject()
  async restoreVersion(ctx: HttpContext, editPost: EditPost) {
    const postId = Number(ctx.params.id)
    return runAction(
      ctx,
      async () => {
        const result = await editPost.restoreVersion(ctx.staff, postId, Number(ctx.params.version))
        return `Version ${ctx.params.version} restored as version ${result.version}.`
      },
      `/admin/posts/${postId}`
    )
  }
}

function versionNumber(value: unknown, fallback: number) {
  const version = Number(value)
  return Number.isInteger(version) && version >= 1 ? version : fallback
}
