import vine, { errors } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'

export interface PluginConfigDefinition<Schema extends SchemaTypes> {
  /** What valid settings look like. */
  schema: Schema
  /** Raw settings, usually read from the environment. */
  values: () => unknown
  /** The validated settings; throws when read before the plugins provider booted. */
  get(): Infer<Schema>
  /** Called by the plugins provider after validation (and by tests). */
  set(value: Infer<Schema>): void
}

/**
 * A plugin's settings: a VineJS schema and where the values come from. The
 * plugins provider validates them at boot, so a bad value stops the app
 * with one line naming the plugin and the field.
 */
export function definePluginConfig<Schema extends SchemaTypes>(definition: {
  schema: Schema
  values: () => unknown
}): PluginConfigDefinition<Schema> {
  let validated: Infer<Schema> | undefined
  return {
    ...definition,
    get() {
      if (validated === undefined) throw new Error('Plugin config read before the app booted')
      return validated
    },
    set(value) {
      validated = value
    },
  }
}

export class PluginConfigError extends Error {
  constructor(
    readonly plugin: string,
    readonly field: string,
    detail: string
  ) {
    super(`Plugin "${plugin}": invalid config field "${field}": ${detail}`)
    this.name = 'PluginConfigError'
  }
}

/** Validates and stores a plugin's settings; a failure names the plugin and the field. */
export async function validatePluginConfig(
  plugin: string,
  definition: PluginConfigDefinition<SchemaTypes>
) {
  try {
    const value = await vine.validate({ schema: definition.schema, data: definition.values() })
    definition.set(value)
    return value
  } catch (error) {
    if (error instanceof errors.E_VALIDATION_ERROR) {
      const [first] = error.messages as { field: string; message: string }[]
      throw new PluginConfigError(plugin, first?.field ?? '(root)', first?.message ?? 'invalid')
    }
    throw error
  }
}
