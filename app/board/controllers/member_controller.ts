import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { pageValidator } from '#board/validators/board_validators'
import { ListMemberContent } from '#board/actions/list_member_content'
import { pageFromQuery } from '#board/controllers/page_from_query'

/** A member's posts and comments (public; the profile itself is the accounts plugin's). */
export default class MemberController {
  @inject()
  async posts({ request, params }: HttpContext, list: ListMemberContent) {
    const query = await pageValidator.validate(request.qs())
    return list.posts(String(params.name), pageFromQuery(query))
  }

  @inject()
  async comments({ request, params }: HttpContext, list: ListMemberContent) {
    const query = await pageValidator.validate(request.qs())
    return list.comments(String(params.name), pageFromQuery(query))
  }
}
