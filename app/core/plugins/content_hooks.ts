import { AppException } from '#core/exceptions/app_exception'

/**
 * Before-write hooks: plugins see content before it is written and may
 * change its text or refuse it. Plugins that write content declare their
 * hook points by augmenting this interface (the board declares
 * `post:creating`, `post:updating`, `comment:creating`, `comment:updating`
 * in app/board/events/content_hook_points.ts).
 */

export interface ContentHookPoints {}

export type HookPoint = keyof ContentHookPoints

/** A hook returns nothing (accept as is) or the fields it changed; it throws to refuse. */
export type ContentHook<Point extends HookPoint> = (
  data: Readonly<ContentHookPoints[Point]>
) => void | Partial<ContentHookPoints[Point]> | Promise<void | Partial<ContentHookPoints[Point]>>

/** What a plugin's hooks module exports: hooks per point. */
export type ContentHooksModule = {
  [Point in HookPoint]?: ContentHook<Point> | ContentHook<Point>[]
}

export function defineContentHooks(hooks: ContentHooksModule): ContentHooksModule {
  return hooks
}

/** A refusal: answered 422 `E_CONTENT_REFUSED` naming the field. */
export class ContentRefused extends AppException {
  constructor(message: string, field?: string) {
    super(message, { status: 422, code: 'E_CONTENT_REFUSED', field })
  }
}

interface Registered {
  plugin: string
  hook: ContentHook<any>
}

class ContentHookRegistry {
  #hooks = new Map<HookPoint, Registered[]>()

  /** Adds a hook; returns a function that removes it again. */
  register<Point extends HookPoint>(plugin: string, point: Point, hook: ContentHook<Point>) {
    const list = this.#hooks.get(point) ?? []
    const entry = { plugin, hook }
    list.push(entry)
    this.#hooks.set(point, list)
    return () => {
      const current = this.#hooks.get(point) ?? []
      this.#hooks.set(
        point,
        current.filter((item) => item !== entry)
      )
    }
  }

  /**
   * Runs the hooks of a point in plugin order, each seeing the changes of
   * the ones before. A refusal (any AppException) propagates and the write
   * does not happen. Any other error is a bug in the plugin: it is logged
   * and counted and the hook is skipped, so a broken plugin cannot take
   * writing down with it.
   */
  async run<Point extends HookPoint>(
    point: Point,
    data: ContentHookPoints[Point]
  ): Promise<ContentHookPoints[Point]> {
    let current = data
    for (const { plugin, hook } of this.#hooks.get(point) ?? []) {
      try {
        const changes = await hook(Object.freeze({ ...current }))
        if (changes) current = { ...current, ...changes }
      } catch (error) {
        if (error instanceof AppException) throw error
        // Imported here, not on top: this module is part of the plugin kit that manifests
        // import before the app exists, and the failure log needs the logger service.
        const { recordPluginFailure } = await import('#core/plugins/plugin_failures')
        recordPluginFailure('hook', plugin, point, error)
      }
    }
    return current
  }
}

export const contentHooks = new ContentHookRegistry()
