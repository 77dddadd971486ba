import {
  kindMay,
  resolveAccess,
  ROOT_ACCESS,
  type Access,
  type AccessRight,
  type CallerKind,
  type OwnAccess,
} from '#board/domain/category_access'

export interface CategoryNode {
  id: number
  parentId: number | null
  name: string
  tier: number
  position: number
  postCount: number
  /** The category's own permission settings (null: inherited); absent means all inherited. */
  own?: OwnAccess
}

/** Names appear in URLs (/board/{name}); these collide with fixed paths. */
export const RESERVED_CATEGORY_NAMES = ['category', 'parent', 'deleted']

const NONE: OwnAccess = { read: null, post: null, comment: null }

export const CATEGORY_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,49}$/

/**
 * An in-memory view of the category tree (a few hundred rows at most),
 * built from one query and cached; answers the tree questions of the board.
 */
export class CategoryTree {
  readonly #byId = new Map<number, CategoryNode>()
  readonly #byName = new Map<string, CategoryNode>()
  readonly #children = new Map<number | null, CategoryNode[]>()
  readonly #access = new Map<number, Access>()

  constructor(readonly nodes: CategoryNode[]) {
    for (const node of nodes) {
      this.#byId.set(node.id, node)
      this.#byName.set(node.name.toLowerCase(), node)
      const siblings = this.#children.get(node.parentId) ?? []
      siblings.push(node)
      this.#children.set(node.parentId, siblings)
    }
    for (const siblings of this.#children.values()) {
      siblings.sort((a, b) => a.position - b.position || a.id - b.id)
    }
    // Rights in force, resolved once per tree from the boards down: each check is a lookup.
    const resolve = (node: CategoryNode, parent: Access | null) => {
      const access = resolveAccess(node.own ?? NONE, parent)
      this.#access.set(node.id, access)
      for (const child of this.children(node.id)) resolve(child, access)
    }
    for (const board of this.boards()) resolve(board, null)
  }

  /** The category's rights in force (after inheritance). */
  access(node: CategoryNode): Access {
    return this.#access.get(node.id) ?? ROOT_ACCESS
  }

  /** Whether a caller of this kind may read, post or comment in the category. */
  allows(kind: CallerKind, right: AccessRight, node: CategoryNode) {
    return kindMay(kind, right, this.access(node)[right])
  }

  /** `node`'s subtree as a caller of this kind sees it (unreadable categories left out). */
  readableSubtree(kind: CallerKind, node: CategoryNode): CategoryNode[] {
    return this.subtree(node).filter((n) => this.allows(kind, 'read', n))
  }

  byId(id: number) {
    return this.#byId.get(id)
  }

  byName(name: string) {
    return this.#byName.get(name.toLowerCase())
  }

  boards() {
    return this.children(null)
  }

  children(parentId: number | null) {
    return this.#children.get(parentId) ?? []
  }

  parent(node: CategoryNode) {
    return node.parentId === null ? undefined : this.#byId.get(node.parentId)
  }

  /** The tier-0 category above `node` (itself when it is a board). */
  root(node: CategoryNode): CategoryNode {
    let current = node
    while (current.parentId !== null) current = this.#byId.get(current.parentId)!
    return current
  }

  /** `node` and every category below it, depth first. */
  subtree(node: CategoryNode): CategoryNode[] {
    const result: CategoryNode[] = [node]
    for (const child of this.children(node.id)) result.push(...this.subtree(child))
    return result
  }

  /** `node` and every category above it, nearest first. */
  ancestry(node: CategoryNode): CategoryNode[] {
    const result: CategoryNode[] = [node]
    let current = this.parent(node)
    while (current) {
      result.push(current)
      current = this.parent(current)
    }
    return result
  }

  /** Live posts in the subtree: the exact `total` of an unfiltered list. */
  subtreePostCount(node: CategoryNode) {
    return this.subtree(node).reduce((sum, n) => sum + n.postCount, 0)
  }

  /** True when making `newParentId` the parent of `node` would put it under itself. */
  wouldCreateCycle(node: CategoryNode, newParentId: number | null) {
    if (newParentId === null) return false
    return this.subtree(node).some((n) => n.id === newParentId)
  }
}

/** Why a name cannot be used, or null when it can. */
export function categoryNameProblem(name: string): string | null {
  if (!CATEGORY_NAME_PATTERN.test(name)) {
    return 'A category name is 1 to 50 lowercase letters, digits, "-" or "_", starting with a letter or digit'
  }
  if (RESERVED_CATEGORY_NAMES.includes(name)) return `"${name}" is reserved`
  return null
}
