import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import { postValidator } from '#board/validators/board_validators'
import { ReadPost } from '#board/actions/read_post'
import { readerOf } from '#board/controllers/reader_of'
import { EditPost } from '#board/actions/edit_post'
import { DeletePost } from '#board/actions/delete_post'
import { ToggleVote } from '#board/actions/toggle_vote'
import { ModeratePost, type PostFlag } from '#board/actions/moderate_post'
import { pendingForReader } from '#board/controllers/pending_reader'
import { PendingPosts } from '#board/actions/pending_posts'

export default class PostController {
  @inject()
  async show(ctx: HttpContext, readPost: ReadPost) {
    const reader = await readerOf(ctx)
    try {
      return await readPost.show(ctx.params.id, reader)
    } catch (error) {
      // Not live: perhaps waiting for approval, shown to its author and staff.
      const pending = reader && (await pendingForReader(ctx, Number(ctx.params.id), error))
      if (pending) return pending
      throw error
    }
  }

  @inject()
  async update({ auth, request, params }: HttpContext, editPost: EditPost, readPost: ReadPost) {
    const payload = await request.validateUsing(postValidator)
    const actor = apiUser(auth)
    const { version, post } = await editPost.handle(actor, params.id, payload)
    // Still waiting for approval: answered as its author reads it, with its status.
    if (post.pending) return PendingPosts.detail(post.id)
    return readPost.showVersion(params.id, version, actor)
  }

  @inject()
  async destroy({ auth, params, response }: HttpContext, deletePost: DeletePost) {
    await deletePost.delete(apiUser(auth), params.id)
    return response.noContent()
  }

  @inject()
  async restore({ auth, params }: HttpContext, deletePost: DeletePost, readPost: ReadPost) {
    const actor = apiUser(auth)
    await deletePost.restore(actor, params.id)
    return readPost.show(params.id, actor)
  }

  @inject()
  async restoreVersion({ auth, params }: HttpContext, editPost: EditPost, readPost: ReadPost) {
    const actor = apiUser(auth)
    const { version } = await editPost.restoreVersion(actor, params.id, params.version)
    return readPost.showVersion(params.id, version, actor)
  }

  @inject()
  async history(ctx: HttpContext, readPost: ReadPost) {
    return readPost.history(ctx.params.id, await readerOf(ctx))
  }

  @inject()
  async download(ctx: HttpContext, readPost: ReadPost) {
    const { params, response } = ctx
    const csv = await readPost.historyCsv(params.id, await readerOf(ctx))
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="post-${params.id}-history.csv"`)
    return csv
  }

  @inject()
  async vote({ auth, params }: HttpContext, toggleVote: ToggleVote) {
    return toggleVote.handle(apiUser(auth), 'post', params.id)
  }

  @inject()
  async pin(ctx: HttpContext, moderatePost: ModeratePost, readPost: ReadPost) {
    return flagged(ctx, moderatePost, readPost, 'pinned', true)
  }

  @inject()
  async unpin(ctx: HttpContext, moderatePost: ModeratePost, readPost: ReadPost) {
    return flagged(ctx, moderatePost, readPost, 'pinned', false)
  }

  @inject()
  async lock(ctx: HttpContext, moderatePost: ModeratePost, readPost: ReadPost) {
    return flagged(ctx, moderatePost, readPost, 'locked', true)
  }

  @inject()
  async unlock(ctx: HttpContext, moderatePost: ModeratePost, readPost: ReadPost) {
    return flagged(ctx, moderatePost, readPost, 'locked', false)
  }
}

/** Sets or clears a moderator's flag; answers the post as it now is. */
async function flagged(
  { auth, params }: HttpContext,
  moderatePost: ModeratePost,
  readPost: ReadPost,
  flag: PostFlag,
  on: boolean
) {
  const actor = apiUser(auth)
  await moderatePost.handle(actor, params.id, flag, on)
  return readPost.show(params.id, actor)
}
