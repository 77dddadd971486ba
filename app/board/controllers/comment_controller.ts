import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import {
  commentValidator,
  newCommentValidator,
  pageValidator,
} from '#board/validators/board_validators'
import { ReadComments } from '#board/actions/read_comments'
import { CommentWrites } from '#board/actions/comment_writes'
import { ToggleVote } from '#board/actions/toggle_vote'
import { pageFromQuery } from '#board/controllers/page_from_query'
import { readerOf } from '#board/controllers/reader_of'

export default class CommentController {
  @inject()
  async index(ctx: HttpContext, readComments: ReadComments) {
    const query = await pageValidator.validate(ctx.request.qs())
    return readComments.list(ctx.params.id, pageFromQuery(query), await readerOf(ctx))
  }

  @inject()
  async store(
    { auth, request, params, response }: HttpContext,
    writes: CommentWrites,
    readComments: ReadComments
  ) {
    const {
      content,
      attachments,
      reply_to: replyTo,
    } = await request.validateUsing(newCommentValidator)
    const actor = apiUser(auth)
    const comment = await writes.create(actor, params.id, content, {
      attachments,
      replyTo: replyTo ?? null,
    })
    return response.created(await readComments.show(comment.id, actor))
  }

  @inject()
  async update(
    { auth, request, params }: HttpContext,
    writes: CommentWrites,
    readComments: ReadComments
  ) {
    const { content, attachments } = await request.validateUsing(commentValidator)
    const actor = apiUser(auth)
    const { version } = await writes.edit(actor, params.id, content, { attachments })
    return readComments.showVersion(params.id, version, actor)
  }

  @inject()
  async destroy({ auth, params, response }: HttpContext, writes: CommentWrites) {
    await writes.delete(apiUser(auth), params.id)
    return response.noContent()
  }

  @inject()
  async restore({ auth, params }: HttpContext, writes: CommentWrites, readComments: ReadComments) {
    const actor = apiUser(auth)
    await writes.restore(actor, params.id)
    return readComments.show(params.id, actor)
  }

  @inject()
  async history(ctx: HttpContext, readComments: ReadComments) {
    return readComments.history(ctx.params.id, await readerOf(ctx))
  }

  @inject()
  async vote({ auth, params }: HttpContext, toggleVote: ToggleVote) {
    return toggleVote.handle(apiUser(auth), 'comment', params.id)
  }
}
