import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import {
  ApiTokenPolicy,
  ChangeRole,
  ManageApiTokens,
  ROLE_NAMES,
  SetUserBlocked,
  UserDirectory,
  UserPolicy,
  type DirectoryUser,
} from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import { allows, authorize } from '#core/authorization/authorize'
import { blockValidator, roleValidator } from '#admin/validators/admin_validators'
import { pageNumber, queryText } from '#admin/services/page_number'
import { pluginOn } from '#admin/services/plugin_pages'
import { renderPage } from '#admin/services/render_page'
import { runAction } from '#admin/services/run_action'
import { displayTime } from '#admin/services/display_time'

const PAGE_SIZE = 25

export default class UsersController {
  async index(ctx: HttpContext) {
    await authorize(ctx.staff, UserPolicy, 'list')
    const q = queryText(ctx.request.input('q'))
    const users = await UserDirectory.list({
      q,
      page: pageNumber(ctx.request.input('page')),
      size: PAGE_SIZE,
    })
    return renderPage(ctx, 'admin::users/index', {
      title: 'Users',
      q,
      users: users.users.map(userRow),
      page: users.page,
      lastPage: users.lastPage,
      total: users.total,
    })
  }

  @inject()
  async show(ctx: HttpContext, manageApiTokens: ManageApiTokens) {
    await authorize(ctx.staff, UserPolicy, 'list')
    const user = await UserDirectory.find(Number(ctx.params.id))
    if (!user) throw AppException.notFound('User')
    const [posts, logins, tokens] = await Promise.all([
      postsBy(user.id),
      UserDirectory.recentLogins(user.id, 20),
      manageApiTokens.list(ctx.staff, user.id),
    ])
    return renderPage(ctx, 'admin::users/show', {
      title: `User ${user.name}`,
      user: userRow(user),
      posts,
      logins: logins.map((login) => ({
        at: displayTime(login.at),
        ip: login.ip ?? '',
        userAgent: login.userAgent ?? '',
      })),
      roles: ROLE_NAMES,
      canChangeRole: await allows(ctx.staff, UserPolicy, 'changeRole', user),
      tokens: tokens.map((token) => ({
        id: token.identifier,
        name: token.name,
        abilities: token.abilities.join(', '),
        createdAt: displayTime(token.createdAt),
        lastUsedAt: displayTime(token.lastUsedAt) ?? 'never',
        expiresAt: displayTime(token.expiresAt) ?? 'never',
      })),
      canRevokeTokens: await allows(ctx.staff, ApiTokenPolicy, 'revoke', user),
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
  async revokeToken(ctx: HttpContext, manageApiTokens: ManageApiTokens) {
    return runAction(ctx, async () => {
      await manageApiTokens.revoke(ctx.staff, Number(ctx.params.id), Number(ctx.params.token))
      return 'API token revoked.'
    })
  }

  @inject()
  async role(ctx: HttpContext, changeRole: ChangeRole) {
    return runAction(ctx, async () => {
      const { role } = await roleValidator.validate(ctx.request.all())
      const user = await changeRole.handle(Number(ctx.params.id), role, ctx.staff)
      return `${user.name} is now ${role}.`
    })
  }
}

function userRow(user: DirectoryUser) {
  return { ...user, createdAt: displayTime(user.createdAt) }
}

/** The account's latest posts, live and deleted; null when the board is switched off. */
async function postsBy(userId: number) {
  if (!pluginOn('board')) return null
  const { StaffContent } = await import('#board/public')
  const posts = await StaffContent.posts({ authorId: userId }, { page: 1, size: 50 })
  return posts.slice(0, 50).map((post) => ({
    id: post.id,
    title: post.title,
    createdAt: displayTime(post.createdAt),
    deleted: Boolean(post.deletedAt),
  }))
}
