import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { AppException } from '#core/exceptions/app_exception'
import { invalidate } from '#core/cache/invalidate'
import type { JsonSchema } from '#core/openapi/openapi_fragment'
import { recordPluginFailure } from '#core/plugins/plugin_failures'
import { BoardCache } from '#board/services/board_cache'
import { postShapes } from '#board/transformers/post_json'
import { commentShape } from '#board/transformers/comment_json'

/** Fields of the board's own JSON, which no extension may take. */
const ownFields = () =>
  new Set(
    [postShapes.PostDetail, commentShape].flatMap((shape) => Object.keys(shape.properties ?? {}))
  )

export type ContentKind = 'post' | 'comment'

/** The most attachments one post or comment version carries (ids in a write's body). */
export const MAX_ATTACHMENTS = 10

/** A post or comment version just written, seen inside the write's transaction. */
export interface ContentWrite {
  trx: TransactionClientContract
  kind: ContentKind
  /** The post's or comment's id. */
  id: number
  /** The post itself, or the comment's post. */
  postId: number
  version: number
  /** Who wrote this version (not always the author: a moderator may edit or restore). */
  userId: number
  /**
   * The version this one starts from: the previous one for an edit, the
   * restored one for a version restore, null for a new post or comment.
   */
  baseVersion: number | null
  /** Ids the writer sent (deduped); null when the body had none: keep the base version's. */
  attachments: number[] | null
}

/** One version of a post or comment whose JSON an extension adds fields to. */
export interface ContentVersionRef {
  id: number
  version: number
}

/**
 * What a plugin adds to board content (registered from its provider's
 * `start()`, the uploads plugin's attachments being the example).
 */
export interface ContentExtension {
  /**
   * Whether the plugin stores the `attachments` of a write. Without one, a
   * body that sends `attachments` is refused (422): the client would
   * believe its files attached.
   */
  attachments?: boolean
  /**
   * Runs in the write's transaction, after the version row: what the
   * plugin records commits or rolls back with it. An AppException refuses
   * the write (nothing of it is kept); any other error fails it (500),
   * since half a write would be worse.
   */
  written?(write: ContentWrite): Promise<void>
  /** The fields the plugin adds to post and comment JSON, with their JSON Schema. */
  fields: Record<string, JsonSchema>
  /**
   * The fields of each version asked for, in the order of `refs` (one
   * batch per read: a page of comments, a post, a history).
   */
  load(kind: ContentKind, refs: ContentVersionRef[]): Promise<Record<string, unknown>[]>
  /**
   * Whether a version has any of the plugin's fields, as an SQL condition on
   * the board's row (`id` and `version` name its columns), and the fields of
   * a version that has none. A read that adds the condition to its own
   * query (`selectPresence`) skips `load` for the rows where it is false: a
   * post without attachments costs no second statement.
   */
  presence?: {
    condition(kind: ContentKind, id: string, version: string): { sql: string; bindings: unknown[] }
    absent: Record<string, unknown>
  }
}

/** The column `selectPresence` adds for a plugin. */
const presenceColumn = (plugin: string) => `has_fields_${plugin.replace(/\W/g, '_')}`

/**
 * The board's extension point for content: plugins accept extra input on
 * post and comment writes (in the transaction) and add fields to the JSON
 * of posts, comments and their versions. The board knows nothing of the
 * plugins behind it.
 */
export class ContentExtensions {
  #extensions = new Map<string, ContentExtension>()
  #revision = 0

  /** Changes whenever an extension is added or removed (what a statement built once depends on). */
  get revision() {
    return this.#revision
  }

  /**
   * Adds (or, for the same plugin, replaces) an extension; returns a
   * function that removes it. A field the board's JSON or another plugin
   * has stops the boot.
   */
  register(plugin: string, extension: ContentExtension) {
    const own = ownFields()
    for (const field of Object.keys(extension.fields)) {
      const owner = [...this.#extensions].find(
        ([name, other]) => name !== plugin && field in other.fields
      )
      if (own.has(field) || owner) {
        throw new Error(
          `Content field "${field}" of plugin "${plugin}" is taken by ${owner ? `plugin "${owner[0]}"` : 'the board'}`
        )
      }
    }
    this.#extensions.set(plugin, extension)
    this.#revision++
    return () => {
      if (this.#extensions.get(plugin) !== extension) return
      this.#extensions.delete(plugin)
      this.#revision++
    }
  }

  /** JSON Schemas of every registered field. */
  schemas(): Record<string, JsonSchema> {
    return Object.assign({}, ...[...this.#extensions.values()].map((ext) => ext.fields))
  }

  /** 422 when a write sends attachments that no plugin stores; the given ids, deduped. */
  attachmentsOf(given: number[] | undefined): number[] | null {
    if (given === undefined) return null
    if (![...this.#extensions.values()].some((ext) => ext.attachments)) {
      throw AppException.unprocessable('Attachments are not accepted here', 'attachments')
    }
    return [...new Set(given)]
  }

  /** Runs every extension's `written` in the write's transaction; a throw rolls it back. */
  async written(write: ContentWrite) {
    for (const extension of this.#extensions.values()) await extension.written?.(write)
  }

  /**
   * Adds to a query of posts or comments a column per extension that can
   * tell whether a row has its fields; give the rows to `addFields`.
   */
  selectPresence<Query extends DatabaseQueryBuilderContract>(
    kind: ContentKind,
    query: Query,
    id: string,
    version: string
  ): Query {
    for (const [plugin, extension] of this.#extensions) {
      const present = extension.presence?.condition(kind, id, version)
      if (!present) continue
      query.select(db.raw(`(${present.sql}) as ${presenceColumn(plugin)}`, present.bindings))
    }
    return query
  }

  /**
   * The fields of each version, in the order of `refs`. A plugin whose load
   * fails is logged and counted, its fields left out, and `complete` is
   * false: the caller does not cache the answer. With `rows` (the rows of
   * `refs`, queried with `selectPresence`), a plugin loads only the rows
   * that have its fields.
   */
  async load(kind: ContentKind, refs: ContentVersionRef[], rows?: Record<string, unknown>[]) {
    const values: Record<string, unknown>[] = refs.map(() => ({}))
    let complete = true
    if (!refs.length) return { values, complete }
    for (const [plugin, extension] of this.#extensions) {
      const column = presenceColumn(plugin)
      const absent = (index: number) =>
        extension.presence && rows && column in rows[index] && !Number(rows[index][column])
      const wanted: { ref: ContentVersionRef; index: number }[] = []
      refs.forEach((ref, index) => {
        if (absent(index)) Object.assign(values[index], extension.presence!.absent)
        else wanted.push({ ref, index })
      })
      if (!wanted.length) continue
      try {
        const loaded = await extension.load(
          kind,
          wanted.map(({ ref }) => ref)
        )
        loaded.forEach((fields, at) => {
          const index = wanted[at].index
          // Only the declared fields: an extension cannot slip in (or overwrite) anything else.
          for (const field of Object.keys(extension.fields)) {
            if (field in fields) values[index][field] = fields[field]
          }
        })
      } catch (error) {
        complete = false
        recordPluginFailure('content-field', plugin, kind, error)
      }
    }
    return { values, complete }
  }

  /** Adds the extensions' fields to each item (its id and version given by `refOf`). */
  async addFields<Item extends object>(
    kind: ContentKind,
    items: Item[],
    refOf: (item: Item) => ContentVersionRef,
    rows?: Record<string, unknown>[]
  ) {
    if (!this.#extensions.size) return { items, complete: true }
    const { values, complete } = await this.load(kind, items.map(refOf), rows)
    return { items: items.map((item, index) => ({ ...item, ...values[index] })), complete }
  }

  /**
   * A plugin's fields changed outside a board write (the uploads plugin: an
   * attached upload was deleted): the cached details of these posts go, and
   * the cached lists of these members' comments.
   */
  async fieldsChanged(changed: { postIds: number[]; commentAuthorIds: number[] }) {
    const keys = changed.postIds.map(BoardCache.postKey)
    const tags = changed.commentAuthorIds.map(BoardCache.memberTag)
    if (keys.length || tags.length) await invalidate({ keys, tags })
  }
}

/** The registry of the running app. */
export const contentExtensions = new ContentExtensions()
