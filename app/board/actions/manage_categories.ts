import { SearchIndex } from '#board/search/post_search'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AuthUser } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import { authorize } from '#core/authorization/authorize'
import { isUniqueViolation } from '#core/database/is_unique_violation'
import { sqlNow } from '#core/database/sql_now'
import {
  categoryNameProblem,
  type CategoryNode,
  type CategoryTree,
} from '#board/domain/category_tree'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { BoardCache } from '#board/services/board_cache'
import CategoryPolicy from '#board/policies/category_policy'
import {
  ACCESS_RIGHTS,
  isAccessLevel,
  type AccessLevel,
  type AccessRight,
  type OwnAccess,
} from '#board/domain/category_access'

/**
 * Category tree changes, each in one transaction, used by the Ace commands
 * (`actor` null: an operator) and the admin panel (its signed-in user, whom
 * CategoryPolicy.manage must allow). Caches of the tree and of every list
 * are dropped afterwards.
 */
export class ManageCategories {
  async create(name: string, parentName?: string, actor: AuthUser | null = null) {
    await authorize(actor, CategoryPolicy, 'manage')
    assertName(name)
    const node = await this.#write(async (trx, tree) => {
      const parent = parentName ? found(tree, parentName) : undefined
      const position = tree.children(parent?.id ?? null).length
      const now = sqlNow()
      const [id] = await trx.table('categories').insert({
        name,
        parent_id: parent?.id ?? null,
        tier: parent ? parent.tier + 1 : 0,
        position,
        post_count: 0,
        created_at: now,
        updated_at: now,
      })
      return { id: Number(id), name, parentId: parent?.id ?? null }
    })
    await emitter.emit('category:changed', {
      categoryId: node.id,
      action: 'created',
      name: node.name,
      actorId: actor?.id ?? null,
    })
    return node
  }

  async rename(oldName: string, newName: string, actor: AuthUser | null = null) {
    await authorize(actor, CategoryPolicy, 'manage')
    assertName(newName)
    const node = await this.#write(async (trx, tree) => {
      const category = found(tree, oldName)
      await trx
        .from('categories')
        .where('id', category.id)
        .update({ name: newName, updated_at: sqlNow() })
      return category
    })
    await emitter.emit('category:changed', {
      categoryId: node.id,
      action: 'renamed',
      name: newName,
      actorId: actor?.id ?? null,
    })
    return node
  }

  /** Moves a category (with its subtree and posts) under another, or to the top with no parent. */
  async move(name: string, newParentName: string | null, actor: AuthUser | null = null) {
    await authorize(actor, CategoryPolicy, 'manage')
    const node = await this.#write(async (trx, tree) => {
      const category = found(tree, name)
      const parent = newParentName ? found(tree, newParentName) : null
      if (tree.wouldCreateCycle(category, parent?.id ?? null)) {
        throw AppException.unprocessable(
          `Cannot move "${name}" under itself or its own subcategory`,
          'parent'
        )
      }
      const tierShift = (parent ? parent.tier + 1 : 0) - category.tier
      const subtree = tree.subtree(category)
      const ids = subtree.map((c) => c.id)
      await trx
        .from('categories')
        .where('id', category.id)
        .update({
          parent_id: parent?.id ?? null,
          position: tree.children(parent?.id ?? null).length,
        })
      if (tierShift !== 0)
        await trx.from('categories').whereIn('id', ids).increment('tier', tierShift)
      // Posts remember their board (tier-0 root) for the list index.
      const newRoot = parent ? tree.root(parent).id : category.id
      await trx.from('posts').whereIn('category_id', ids).update({ board_id: newRoot })
      await trx.from('post_tags').whereIn('category_id', ids).update({ board_id: newRoot })
      return category
    })
    await emitter.emit('category:changed', {
      categoryId: node.id,
      action: 'moved',
      name: node.name,
      actorId: actor?.id ?? null,
    })
    return node
  }

  /**
   * Deletes an empty leaf category. With posts (live or deleted) it refuses,
   * unless `moveTo` names a category to move them to first.
   */
  async delete(name: string, moveTo?: string, actor: AuthUser | null = null) {
    await authorize(actor, CategoryPolicy, 'manage')
    const node = await this.#write(async (trx, tree) => {
      const category = found(tree, name)
      if (tree.children(category.id).length) {
        throw AppException.conflict(`"${name}" has subcategories; move or delete them first`)
      }
      const posts = await trx
        .from('posts')
        .where('category_id', category.id)
        .count('* as total')
        .first()
      if (Number(posts.total) > 0) {
        if (!moveTo)
          throw AppException.conflict(
            `"${name}" has ${posts.total} post(s); use --force --move-to=<category>`
          )
        const target = found(tree, moveTo)
        if (target.id === category.id)
          throw AppException.unprocessable('Cannot move posts to the category being deleted')
        await SearchIndex.moveCategory(trx, category.id, target.id)
        await trx
          .from('posts')
          .where('category_id', category.id)
          .update({ category_id: target.id, board_id: tree.root(target).id })
        await trx
          .from('post_tags')
          .where('category_id', category.id)
          .update({ category_id: target.id, board_id: tree.root(target).id })
        await trx
          .from('categories')
          .where('id', target.id)
          .increment('post_count', category.postCount)
      }
      await trx.from('categories').where('id', category.id).delete()
      return category
    })
    await emitter.emit('category:changed', {
      categoryId: node.id,
      action: 'deleted',
      name: node.name,
      actorId: actor?.id ?? null,
    })
    return node
  }

  /**
   * Sets who may read, post and comment in a category (docs/board.md,
   * "Category permissions"): a level, or `inherit` (null) to follow the
   * parent; rights left out keep their setting. Every cached tree and list
   * is dropped (on every instance, through the cache change feed), so the
   * change shows at once.
   */
  async setPermissions(
    name: string,
    settings: Partial<Record<AccessRight, AccessLevel | 'inherit'>>,
    actor: AuthUser | null = null
  ) {
    await authorize(actor, CategoryPolicy, 'manage')
    const changes: Record<string, AccessLevel | null> = {}
    for (const right of ACCESS_RIGHTS) {
      const value = settings[right]
      if (value === undefined) continue
      if (value !== 'inherit' && !isAccessLevel(value)) {
        throw AppException.unprocessable(
          `${right} is one of everyone, members, moderators or inherit`,
          right
        )
      }
      changes[`${right}_access`] = value === 'inherit' ? null : value
    }
    if (!Object.keys(changes).length) {
      // Nothing to change: the settings as they are, no write, no event, no audit entry.
      const tree = await CategoryTreeCache.fresh()
      const node = found(tree, name)
      return { node, own: ownOf(node), access: tree.access(node) }
    }
    const node = await this.#write(async (trx, tree) => {
      const category = found(tree, name)
      await trx
        .from('categories')
        .where('id', category.id)
        .update({ ...changes, updated_at: sqlNow() })
      return category
    })
    const tree = await CategoryTreeCache.fresh()
    const changed = tree.byId(node.id) ?? node
    const own = ownOf(changed)
    await emitter.emit('category:changed', {
      categoryId: node.id,
      action: 'permissions',
      name: node.name,
      actorId: actor?.id ?? null,
      permissions: own,
    })
    return { node: changed, own, access: tree.access(changed) }
  }

  async #write<T>(
    body: (trx: TransactionClientContract, tree: CategoryTree) => Promise<T>
  ): Promise<T> {
    try {
      const result = await db.transaction(async (trx) =>
        body(trx, await CategoryTreeCache.fresh(trx))
      )
      await BoardCache.treeChanged()
      return result
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppException.conflict('A category with this name already exists', 'name')
      throw error
    }
  }
}

/** A category's own settings, null where inherited. */
function ownOf(node: CategoryNode): OwnAccess {
  return node.own ?? { read: null, post: null, comment: null }
}

function assertName(name: string) {
  const problem = categoryNameProblem(name)
  if (problem) throw AppException.unprocessable(problem, 'name')
}

function found(tree: CategoryTree, name: string): CategoryNode {
  const node = tree.byName(name)
  if (!node) throw AppException.notFound(`Category "${name}"`)
  return node
}
