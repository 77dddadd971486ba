import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { pageValidator } from '#board/validators/board_validators'
import { ListMemberContent } from '#board/actions/list_member_content'
import { pageFromQuery } from '#board/controllers/page_from_query'
import { readerOf } from '#board/controllers/reader_of'
import { callerKind } from '#board/policies/category_access_policy'

/** A member's posts and comments (public; the profile itself is the accounts plugin's). */
export default class MemberController {
  @inject()
  async posts(ctx: HttpContext, list: ListMemberContent) {
    const query = await pageValidator.validate(ctx.request.qs())
    const kind = callerKind(await readerOf(ctx))
    return list.posts(String(ctx.params.name), pageFromQuery(query), kind)
  }

  @inject()
  async comments(ctx: HttpContext, list: ListMemberContent) {
    const query = await pageValidator.validate(ctx.request.qs())
    const kind = callerKind(await readerOf(ctx))
    return list.comments(String(ctx.params.name), pageFromQuery(query), kind)
  }
}
