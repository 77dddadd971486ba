import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { AppException } from '#core/exceptions/app_exception'
import { postQuery } from '#board/services/post_query'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { DeletePost } from '#board/actions/delete_post'
import { EditPost } from '#board/actions/edit_post'
import { contentFilters, filtersQuery } from '#admin/services/content_filters'
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
    const query = postQuery()
      .select('p.deleted_at')
      .orderBy('p.id', 'desc')
      .limit(PAGE_SIZE + 1)
      .offset((page - 1) * PAGE_SIZE)
    if (filters.status === 'deleted') query.whereNotNull('p.deleted_at')
    else query.whereNull('p.deleted_at')
    if (filters.boardId) query.where('p.board_id', filters.boardId)
    if (filters.author) query.where('u.name', filters.author)
    const rows = await query
    return renderPage(ctx, 'admin::content/posts', {
      title: filters.status === 'deleted' ? 'Deleted posts' : 'Recent posts',
      filters,
      boards: tree.boards().map((b) => b.name),
      posts: rows.slice(0, PAGE_SIZE).map((row) => ({
        id: Number(row.id),
        title: row.title,
        author: row.author_deleted_at ? '(deleted)' : row.author_name,
        category: tree.byId(Number(row.category_id))?.name ?? '?',
        createdAt: when(row.created_at),
        deletedAt: when(row.deleted_at),
        comments: Number(row.comment_count),
        votes: Number(row.vote_count),
      })),
      page,
      prevQuery: page > 1 ? filtersQuery(filters, page - 1) : null,
      nextQuery: rows.length > PAGE_SIZE ? filtersQuery(filters, page + 1) : null,
    })
  }

  /** One post (live or deleted): its versions, a diff of two of them, its comments. */
  async show(ctx: HttpContext) {
    const postId = Number(ctx.params.id)
    const post = await postQuery().where('p.id', postId).select('p.deleted_at').first()
    if (!post) throw AppException.notFound('Post')
    const tree = await CategoryTreeCache.get()
    const versions = await db
      .from('post_versions as v')
      .leftJoin('users as u', 'u.id', 'v.user_id')
      .where('v.post_id', postId)
      .orderBy('v.version', 'desc')
      .select('v.version', 'v.title', 'v.content', 'v.created_at', 'u.name as editor')
    const comments = await db
      .from('comments as c')
      .join('comment_versions as v', (join) => {
        join.on('v.comment_id', '=', 'c.id').andOn('v.version', '=', 'c.current_version')
      })
      .leftJoin('users as u', 'u.id', 'c.user_id')
      .where('c.post_id', postId)
      .orderBy('c.id', 'asc')
      .limit(200)
      .select('c.id', 'c.created_at', 'c.deleted_at', 'v.content', 'u.name as author')

    const current = Number(post.current_version)
    const to = versionNumber(ctx.request.input('to'), current)
    const from = versionNumber(ctx.request.input('from'), Math.max(1, to - 1))
    const byVersion = new Map(versions.map((v) => [Number(v.version), v]))
    const before = byVersion.get(from)
    const after = byVersion.get(to)

    return renderPage(ctx, 'admin::content/post', {
      title: `Post #${postId}`,
      post: {
        id: postId,
        title: post.title,
        content: post.content,
        author: post.author_deleted_at ? '(deleted)' : post.author_name,
        userId: Number(post.user_id),
        category: tree.byId(Number(post.category_id))?.name ?? '?',
        version: current,
        createdAt: when(post.created_at),
        deletedAt: when(post.deleted_at),
      },
      versions: versions.map((v) => ({
        version: Number(v.version),
        title: v.title,
        editor: v.editor ?? '?',
        createdAt: when(v.created_at),
      })),
      from,
      to,
      diff: before && after && from !== to ? versionDiff(before, after) : null,
      diffProblem:
        before && after ? null : 'One of the chosen versions does not exist for this post.',
      comments: comments.map((c) => ({
        id: Number(c.id),
        author: c.author ?? '(deleted)',
        content: c.content,
        createdAt: when(c.created_at),
        deletedAt: when(c.deleted_at),
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
