import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import {
  boardNameValidator,
  categoryNameValidator,
  listPostsValidator,
  postValidator,
  tagPrefixValidator,
} from '#board/validators/board_validators'
import { ListTags } from '#board/actions/list_tags'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { ListPosts } from '#board/actions/list_posts'
import { PendingPosts } from '#board/actions/pending_posts'
import { CreatePost } from '#board/actions/create_post'
import { ReadPost } from '#board/actions/read_post'
import { listFromQuery } from '#board/controllers/page_from_query'
import { readerOf } from '#board/controllers/reader_of'
import { callerKind } from '#board/policies/category_access_policy'
import { permissionsOf, type CallerKind } from '#board/domain/category_access'
import type { CategoryNode, CategoryTree } from '#board/domain/category_tree'

/** A category as the caller sees it: what they may do in it (categories they may not read are left out). */
function categoryJson(tree: CategoryTree, kind: CallerKind, node: CategoryNode) {
  return { id: node.id, name: node.name, permissions: permissionsOf(kind, tree.access(node)) }
}

function readableOf(tree: CategoryTree, kind: CallerKind, nodes: CategoryNode[]) {
  return nodes
    .filter((node) => tree.allows(kind, 'read', node))
    .map((node) => categoryJson(tree, kind, node))
}

export default class BoardController {
  async boards(ctx: HttpContext) {
    const kind = callerKind(await readerOf(ctx))
    const tree = await CategoryTreeCache.get()
    return readableOf(tree, kind, tree.boards())
  }

  async children(ctx: HttpContext) {
    const { board } = await boardNameValidator.validate(ctx.request.qs())
    const kind = callerKind(await readerOf(ctx))
    const tree = await CategoryTreeCache.get()
    const node = tree.byName(board)
    if (!node || !tree.allows(kind, 'read', node)) throw AppException.notFound('Board')
    return readableOf(tree, kind, tree.children(node.id))
  }

  async parent(ctx: HttpContext) {
    const { category } = await categoryNameValidator.validate(ctx.request.qs())
    const kind = callerKind(await readerOf(ctx))
    const tree = await CategoryTreeCache.get()
    let node = tree.byName(category)
    if (node && !tree.allows(kind, 'read', node)) node = undefined
    // A readable category's parent is readable (a category is never more open than its parent).
    const parent = node && tree.parent(node)
    if (!parent) throw AppException.notFound(node ? 'Parent category' : 'Category')
    return categoryJson(tree, kind, parent)
  }

  @inject()
  async list(ctx: HttpContext, listPosts: ListPosts) {
    const { request, params } = ctx
    const query = await listPostsValidator.validate(request.qs())
    const { order, page } = listFromQuery(query)
    const kind = callerKind(await readerOf(ctx))
    return listPosts.handle(
      params.category,
      query.keyword || undefined,
      page,
      order,
      query.tag,
      kind
    )
  }

  @inject()
  async tags(ctx: HttpContext, listTags: ListTags) {
    const { prefix } = await tagPrefixValidator.validate(ctx.request.qs())
    return listTags.handle(prefix ?? '', callerKind(await readerOf(ctx)))
  }

  @inject()
  async store(
    { auth, request, params, response }: HttpContext,
    createPost: CreatePost,
    readPost: ReadPost
  ) {
    const payload = await request.validateUsing(postValidator)
    const actor = apiUser(auth)
    const post = await createPost.handle(actor, params.category, payload)
    // Held for approval (Discourse answers "enqueued"): accepted, not yet published.
    if (post.pending) return response.accepted(await PendingPosts.detail(post.id))
    return response.created(await readPost.show(post.id, actor))
  }
}
