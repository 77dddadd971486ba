import vine from '@vinejs/vine'
import env from '#start/env'
import { definePluginConfig } from '#core/plugins/plugin_config'

/**
 * WORD_FILTER_WORDS: comma separated words (none: the filter does nothing).
 * WORD_FILTER_MODE: `reject` answers 422, `mask` replaces each letter with *.
 */
export default definePluginConfig({
  schema: vine.object({
    words: vine
      .array(
        vine
          .string()
          .trim()
          .minLength(1)
          .maxLength(50)
          .regex(/^[\p{L}\p{N}' -]+$/u)
      )
      .maxLength(1000),
    mode: vine.enum(['reject', 'mask']),
  }),
  values: () => ({
    words: (env.get('WORD_FILTER_WORDS') ?? '')
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean),
    mode: env.get('WORD_FILTER_MODE') ?? 'reject',
  }),
})
