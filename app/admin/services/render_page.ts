import type { HttpContext } from '@adonisjs/core/http'
import { pluginNav, pluginOn } from '#admin/services/plugin_pages'

const NAV = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/users', label: 'Users' },
]

/** The board's pages (routes.ts registers them only while the board is switched on). */
const BOARD_NAV = [
  { href: '/admin/categories', label: 'Categories' },
  { href: '/admin/posts', label: 'Posts' },
  { href: '/admin/comments', label: 'Comments' },
]

/**
 * Renders a panel page as HTML. `layout` carries what the layout component
 * shows on every page: the title, the signed-in staff member, the
 * navigation and the flash messages of the previous request. The API
 * forces `Accept: application/json`, so the content type is set here.
 */
export async function renderPage(
  ctx: HttpContext,
  template: string,
  data: Record<string, unknown> & { title: string }
) {
  const flash = ctx.session?.flashMessages
  const path = ctx.request.url()
  const html = await ctx.view.render(template, {
    ...data,
    old: (key: string) => flash?.get(key) ?? '',
    layout: {
      title: data.title,
      staff: ctx.staff ?? null,
      nav: ctx.staff
        ? [
            ...NAV,
            ...(pluginOn('board') ? BOARD_NAV : []),
            // Other plugins' pages, as their policies allow (admins only today).
            ...(await pluginNav(ctx.staff)),
          ].map((item) => ({
            ...item,
            current: item.href === '/admin' ? path === '/admin' : path.startsWith(item.href),
          }))
        : [],
      success: flash?.get('success') ?? null,
      error: flash?.get('error') ?? null,
    },
  })
  ctx.response.header('Content-Type', 'text/html; charset=utf-8')
  return ctx.response.send(html)
}
