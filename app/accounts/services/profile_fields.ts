import type { JsonSchema } from '#core/openapi/openapi_fragment'
import { recordPluginFailure } from '#core/plugins/plugin_failures'

/** Values a source may add to a profile: JSON scalars. */
export type ProfileFieldValues = Record<string, string | number | boolean | null>

/**
 * What a plugin adds to public profiles (GET /users/{name}): the board adds
 * `post_count` and `comment_count`.
 */
export interface ProfileFieldSource<Fields extends ProfileFieldValues = ProfileFieldValues> {
  /** The fields, each with its JSON Schema: the OpenAPI document's Profile lists them. */
  fields: { [K in keyof Fields]-?: JsonSchema }
  /** The fields of each live account asked for; an account left out of the map gets none. */
  load(userIds: number[]): Promise<Map<number, Fields>>
  /**
   * Cache tags of an account's fields: the plugin drops them (`invalidate` from #core/cache/invalidate) when the
   * values change, and the cached fields go with them.
   */
  tags(userId: number): string[]
}

/** Fields of the profile itself, which no source may take. */
const OWN_FIELDS = new Set([
  'id',
  'name',
  'role',
  'created_at',
  'last_seen_on',
  'avatar',
  'avatar_template',
  'email',
])

/**
 * The extension point of public profiles: plugins register sources (in
 * their provider's `start()`), the profile asks them. Accounts needs no
 * plugin: with none registered a profile has only its own fields.
 */
export class ProfileFieldRegistry {
  #sources = new Map<string, ProfileFieldSource<any>>()

  /** Adds (or, for the same plugin, replaces) a source; returns a function that removes it. */
  register<Fields extends ProfileFieldValues>(plugin: string, source: ProfileFieldSource<Fields>) {
    for (const field of Object.keys(source.fields)) {
      const owner = [...this.#sources].find(
        ([name, other]) => name !== plugin && field in other.fields
      )
      if (OWN_FIELDS.has(field) || owner) {
        throw new Error(
          `Profile field "${field}" of plugin "${plugin}" is taken by ${owner ? `plugin "${owner[0]}"` : 'the profile'}`
        )
      }
    }
    this.#sources.set(plugin, source)
    return () => {
      if (this.#sources.get(plugin) === source) this.#sources.delete(plugin)
    }
  }

  get isEmpty() {
    return this.#sources.size === 0
  }

  /** JSON Schemas of every registered field, in registration order. */
  schemas(): Record<string, JsonSchema> {
    return Object.assign({}, ...[...this.#sources.values()].map((source) => source.fields))
  }

  /** The cache tags of an account's fields, of every source. */
  tags(userId: number): string[] {
    return [...this.#sources.values()].flatMap((source) => source.tags(userId))
  }

  /**
   * The fields of each account. A source that fails is a bug or an outage
   * in its plugin: it is logged and counted, its fields are left out, and
   * `complete` is false (the caller does not cache the result), so one
   * broken plugin cannot take profiles down.
   */
  async load(userIds: number[]) {
    const values = new Map<number, ProfileFieldValues>(userIds.map((id) => [id, {}]))
    let complete = true
    for (const [plugin, source] of this.#sources) {
      try {
        const loaded = await source.load(userIds)
        for (const [id, fields] of loaded) {
          const own = values.get(id)
          if (!own) continue
          // Only the declared fields: a source cannot slip in anything else.
          for (const field of Object.keys(source.fields)) {
            if (field in fields) own[field] = fields[field]
          }
        }
      } catch (error) {
        complete = false
        recordPluginFailure('profile-field', plugin, 'profile', error)
      }
    }
    return { values, complete }
  }
}

/** The registry of the running app. */
export const profileFields = new ProfileFieldRegistry()
