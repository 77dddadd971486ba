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

export default class CommentController {
  @inject()
  async index({ request, params }: HttpContext, readComments: ReadComments) {
    const query = await pageValidator.validate(request.qs())
    return readComments.list(params.id, pageFromQuery(query))
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
    const comment = await writes.create(apiUser(auth), params.id, content, {
      attachments,
      replyTo: replyTo ?? null,
    })
    return response.created(await readComments.show(comment.id))
  }

  @inject()
  async update(
    { auth, request, params }: HttpContext,
    writes: CommentWrites,
    readComments: ReadComments
  ) {
    const { content, attachments } = await request.validateUsing(commentValidator)
    const { version } = await writes.edit(apiUser(auth), params.id, content, { attachments })
    return readComments.showVersion(params.id, version)
  }

  @inject()
  async destroy({ auth, params, response }: HttpContext, writes: CommentWrites) {
    await writes.delete(apiUser(auth), params.id)
    return response.noContent()
  }

  @inject()
  async restore({ auth, params }: HttpContext, writes: CommentWrites, readComments: ReadComments) {
    await writes.restore(apiUser(auth), params.id)
    return readComments.show(params.id)
  }

  @inject()
  async history({ params }: HttpContext, readComments: ReadComments) {
    return readComments.history(params.id)
  }

  @inject()
  async vote({ auth, params }: HttpContext, toggleVote: ToggleVote) {
    return toggleVote.handle(apiUser(auth), 'comment', params.id)
  }
}
