import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import { pageValidator } from '#board/validators/board_validators'
import { ListDeleted } from '#board/actions/list_deleted'
import { pageFromQuery } from '#board/controllers/page_from_query'

export default class ModerationController {
  @inject()
  async deletedPosts({ auth, request }: HttpContext, listDeleted: ListDeleted) {
    const query = await pageValidator.validate(request.qs())
    return listDeleted.posts(apiUser(auth), pageFromQuery(query))
  }

  @inject()
  async deletedComments({ auth, request }: HttpContext, listDeleted: ListDeleted) {
    const query = await pageValidator.validate(request.qs())
    return listDeleted.comments(apiUser(auth), pageFromQuery(query))
  }
}
