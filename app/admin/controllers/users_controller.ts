import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#accounts/models/user'
import LoginHistory from '#accounts/models/login_history'
import { ROLE_NAMES } from '#accounts/models/role'
import { SetUserBlocked } from '#accounts/actions/set_user_blocked'
import { ChangeRole } from '#accounts/actions/change_role'
import { isAdmin } from '#accounts/domain/auth_user'
import { AppException } from '#core/exceptions/app_exception'
import { containsPattern, LIKE_ESCAPE } from '#core/database/escape_like'
import { postQuery } from '#board/services/post_query'
import { blockValidator, roleValidator } from '#admin/validators/admin_validators'
import { pageNumber, queryText } from '#admin/services/page_number'
import { renderPage } from '#admin/services/render_page'
import { runAction } from '#admin/services/run_action'
import { displayTime } from '#admin/services/display_time'

const PAGE_SIZE = 25

export default class UsersController {
  async index(ctx: HttpContext) {
    const q = queryText(ctx.request.input('q'))
    const query = User.query()
      .whereNull('deleted_at')
      .preload('role')
      .preload('states', (states) => states.preload('state'))
      .orderBy('id', 'desc')
    if (q) {
      // Literal search: % and _ in the query are plain characters.
      const pattern = containsPattern(q)
      query.where((where) =>
        where
          .whereRaw('name like ? escape ?', [pattern, LIKE_ESCAPE])
          .orWhereRaw('email like ? escape ?', [pattern, LIKE_ESCAPE])
      )
    }
    const users = await query.paginate(pageNumber(ctx.request.input('page')), PAGE_SIZE)
    return renderPage(ctx, 'admin::users/index', {
      title: 'Users',
      q,
      users: users.all().map(userRow),
      page: users.currentPage,
      lastPage: users.lastPage,
      total: users.total,
    })
  }

  async show(ctx: HttpContext) {
    const user = await User.query()
      .where('id', ctx.params.id)
      .whereNull('deleted_at')
      .preload('role')
      .preload('states', (states) => states.preload('state'))
      .first()
    if (!user) throw AppException.notFound('User')
    const [posts, logins] = await Promise.all([
      postQuery()
        .where('p.user_id', user.id)
        .select('p.deleted_at')
        .orderBy('p.id', 'desc')
        .limit(50),
      LoginHistory.query().where('user_id', user.id).orderBy('id', 'desc').limit(20),
    ])
    return renderPage(ctx, 'admin::users/show', {
      title: `User ${user.name}`,
      user: userRow(user),
      posts: posts.map((post) => ({
        id: Number(post.id),
        title: post.title,
        createdAt: displayTime(post.created_at),
        deleted: Boolean(post.deleted_at),
      })),
      logins: logins.map((login) => ({
        at: login.createdAt.toUTC().toFormat('yyyy-MM-dd HH:mm'),
        ip: login.ip ?? '',
        userAgent: login.userAgent ?? '',
      })),
      roles: ROLE_NAMES,
      canChangeRole: isAdmin(ctx.staff) && ctx.staff.id !== user.id,
    })
  }

  @inject()
  async block(ctx: HttpContext, setUserBlocked: SetUserBlocked) {
    return runAction(ctx, async () => {
      const { reason } = await blockValidator.validate(ctx.request.all())
      await setUserBlocked.block(Number(ctx.params.id), reason || null, ctx.staff)
      return 'User blocked.'
    })
  }

  @inject()
  async unblock(ctx: HttpContext, setUserBlocked: SetUserBlocked) {
    return runAction(ctx, async () => {
      await setUserBlocked.unblock(Number(ctx.params.id), ctx.staff)
      return 'User unblocked.'
    })
  }

  @inject()
  async role(ctx: HttpContext, changeRole: ChangeRole) {
    return runAction(ctx, async () => {
      const { role } = await roleValidator.validate(ctx.request.all())
      if (Number(ctx.params.id) === ctx.staff.id) {
        // An admin demoting themselves would lock the panel's last admin out.
        throw AppException.forbidden('You cannot change your own role here')
      }
      const user = await changeRole.handle(Number(ctx.params.id), role, ctx.staff)
      return `${user.name} is now ${role}.`
    })
  }
}

function userRow(user: User) {
  const blocked = user.states.find((row) => row.state.name === 'blocked')
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role.name,
    createdAt: user.createdAt.toUTC().toFormat('yyyy-MM-dd HH:mm'),
    blocked: Boolean(blocked),
    blockReason: blocked?.reason ?? null,
    deactivated: user.states.some((row) => row.state.name === 'deactivated'),
  }
}
