import vine from '@vinejs/vine'

/**
 * C0 and C1 control characters (NUL, ESC, DEL, ...) but tab and line
 * breaks, which no title, content or name needs. They are removed, not
 * refused: a client that sends one by mistake still gets its text stored,
 * without invisible characters that break displays and exports.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu
const BREAKS = /[\t\n\r]+/gu

/**
 * Removes control characters. `multiline` text (contents, comments) keeps
 * tabs and line breaks; in a single line (a title) they become a space.
 */
export const withoutControls = vine.createRule(
  (value: unknown, options: { multiline: boolean }, field) => {
    if (typeof value !== 'string') return
    const clean = value.replace(CONTROLS, '')
    field.mutate(options.multiline ? clean : clean.replace(BREAKS, ' '), field)
  }
)

/**
 * Unicode NFKC: compatibility forms become their plain letters (fullwidth
 * `ａｄｍｉｎ` is `admin`), so one name is stored one way.
 */
export const nfkc = vine.createRule((value: unknown, _options: undefined, field) => {
  if (typeof value !== 'string') return
  field.mutate(value.normalize('NFKC'), field)
})
