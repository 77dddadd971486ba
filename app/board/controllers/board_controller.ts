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

const idName = (node: { id: number; name: string }) => ({ id: node.id, name: node.name })

export default class BoardController {
  async boards() {
    const tree = await CategoryTreeCache.get()
    return tree.boards().map(idName)
  }

  async children({ request }: HttpContext) {
    const { board } = await boardNameValidator.validate(request.qs())
    const tree = await CategoryTreeCache.get()
    const node = tree.byName(board)
    if (!node) throw AppException.notFound('Board')
    return tree.children(node.id).map(idName)
  }

  async parent({ request }: HttpContext) {
    const { category } = await categoryNameValidator.validate(request.qs())
    const tree = await CategoryTreeCache.get()
    const node = tree.byName(category)
    const parent = node && tree.parent(node)
    if (!parent) throw AppException.notFound(node ? 'Parent category' : 'Category')
    return idName(parent)
  }

  @inject()
  async list({ request, params }: HttpContext, listPosts: ListPosts) {
    const query = await listPostsValidator.validate(request.qs())
    const { order, page } = listFromQuery(query)
    return listPosts.handle(params.category, query.keyword || undefined, page, order, query.tag)
  }

  @inject()
  async tags({ request }: HttpContext, listTags: ListTags) {
    const { prefix } = await tagPrefixValidator.validate(request.qs())
    return listTags.handle(prefix ?? '')
  }

  @inject()
  async store(
    { auth, request, params, response }: HttpContext,
    createPost: CreatePost,
    readPost: ReadPost
  ) {
    const payload = await request.validateUsing(postValidator)
    const post = await createPost.handle(apiUser(auth), params.category, payload)
    // Held for approval (Discourse answers "enqueued"): accepted, not yet published.
    if (post.pending) return response.accepted(await PendingPosts.detail(post.id))
    return response.created(await readPost.show(post.id))
  }
}
