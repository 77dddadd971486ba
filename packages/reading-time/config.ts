import vine from '@vinejs/vine'
import { definePluginConfig } from '@boardcms/plugin-kit'

/**
 * READING_TIME_WORDS_PER_MINUTE: the reading speed minutes are computed
 * with (200 when unset). A package has no place in the app's start/env.ts,
 * so it reads the environment itself; the schema still stops the boot on a
 * bad value, naming the plugin and the field.
 */
export default definePluginConfig({
  schema: vine.object({
    wordsPerMinute: vine.number().withoutDecimals().range([50, 1000]),
  }),
  values: () => ({
    wordsPerMinute: process.env.READING_TIME_WORDS_PER_MINUTE ?? 200,
  }),
})
