import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import {
  ManageCategories,
  CategoryTreeCache,
  ACCESS_LEVELS,
  ACCESS_RIGHTS,
  type Access,
  type CategoryNode,
  type CategoryTree,
} from '#board/public'
import {
  categoryPermissionsValidator,
  createCategoryValidator,
  deleteCategoryValidator,
  moveCategoryValidator,
  renameCategoryValidator,
} from '#admin/validators/admin_validators'
import { renderPage } from '#admin/services/render_page'
import { runAction } from '#admin/services/run_action'
import { AppException } from '#core/exceptions/app_exception'

const BACK = '/admin/categories'

/** The category tree; every change goes through ManageCategories (the Ace commands' rules). */
export default class CategoriesController {
  async index(ctx: HttpContext) {
    const rows = flatten(await CategoryTreeCache.fresh())
    return renderPage(ctx, 'admin::categories/index', {
      title: 'Categories',
      rows,
      all: rows.map((row) => ({ name: row.name, label: row.label })),
    })
  }

  /**
   * One category's forms (rename, move, permissions, delete): on a page of
   * their own, so the tree stays light however many categories it holds.
   */
  async show(ctx: HttpContext) {
    const rows = flatten(await CategoryTreeCache.fresh())
    const row = rows.find((candidate) => candidate.name === ctx.params.name)
    if (!row) throw AppException.notFound('Category')
    return renderPage(ctx, 'admin::categories/show', {
      title: `Category ${row.name}`,
      row,
      all: rows.map((one) => ({ name: one.name })),
      rights: ACCESS_RIGHTS,
      settings: ['inherit', ...ACCESS_LEVELS],
    })
  }

  /** Who may read, post and comment (ManageCategories.setPermissions, as category:permissions). */
  @inject()
  async permissions(ctx: HttpContext, categories: ManageCategories) {
    return runAction(
      ctx,
      async () => {
        const settings = await categoryPermissionsValidator.validate(ctx.request.all())
        const { access } = await categories.setPermissions(ctx.params.name, settings, ctx.staff)
        return `Permissions of "${ctx.params.name}" saved: read ${access.read}, post ${access.post}, comment ${access.comment}.`
      },
      `${BACK}/${encodeURIComponent(ctx.params.name)}`
    )
  }

  @inject()
  async store(ctx: HttpContext, categories: ManageCategories) {
    return runAction(
      ctx,
      async () => {
        const { name, parent } = await createCategoryValidator.validate(ctx.request.all())
        await categories.create(name, parent || undefined, ctx.staff)
        return parent ? `Category "${name}" created under "${parent}".` : `Board "${name}" created.`
      },
      BACK
    )
  }

  @inject()
  async rename(ctx: HttpContext, categories: ManageCategories) {
    return runAction(
      ctx,
      async () => {
        const { name } = await renameCategoryValidator.validate(ctx.request.all())
        await categories.rename(ctx.params.name, name, ctx.staff)
        return `"${ctx.params.name}" renamed to "${name}".`
      },
      BACK
    )
  }

  @inject()
  async move(ctx: HttpContext, categories: ManageCategories) {
    return runAction(
      ctx,
      async () => {
        const { parent } = await moveCategoryValidator.validate(ctx.request.all())
        await categories.move(ctx.params.name, parent || null, ctx.staff)
        return parent
          ? `"${ctx.params.name}" moved under "${parent}".`
          : `"${ctx.params.name}" is now a board.`
      },
      BACK
    )
  }

  @inject()
  async destroy(ctx: HttpContext, categories: ManageCategories) {
    return runAction(
      ctx,
      async () => {
        const { move_to: moveTo } = await deleteCategoryValidator.validate(ctx.request.all())
        await categories.delete(ctx.params.name, moveTo || undefined, ctx.staff)
        return moveTo
          ? `"${ctx.params.name}" deleted; its posts moved to "${moveTo}".`
          : `"${ctx.params.name}" deleted.`
      },
      BACK
    )
  }
}

export interface CategoryRow extends CategoryNode {
  depth: number
  /** The name indented by depth, for select lists. */
  label: string
  parentName: string | null
  hasChildren: boolean
  subtreePosts: number
  /** Rights in force (after inheritance), and the category's own settings (`inherit` when unset). */
  access: Access
  setting: Record<'read' | 'post' | 'comment', string>
}

/** The tree depth first, boards in order, each followed by its subtree. */
function flatten(tree: CategoryTree): CategoryRow[] {
  const rows: CategoryRow[] = []
  const visit = (node: CategoryNode, depth: number) => {
    rows.push({
      ...node,
      depth,
      label: `${'\u2014 '.repeat(depth)}${node.name}`,
      parentName: node.parentId === null ? null : (tree.byId(node.parentId)?.name ?? null),
      hasChildren: tree.children(node.id).length > 0,
      subtreePosts: tree.subtreePostCount(node),
      access: tree.access(node),
      setting: {
        read: node.own?.read ?? 'inherit',
        post: node.own?.post ?? 'inherit',
        comment: node.own?.comment ?? 'inherit',
      },
    })
    for (const child of tree.children(node.id)) visit(child, depth + 1)
  }
  for (const board of tree.boards()) visit(board, 0)
  return rows
}
