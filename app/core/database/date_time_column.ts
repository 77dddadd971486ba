import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import type { DateTimeColumnDecorator, LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import { sqlTime } from '#core/database/sql_now'

/**
 * What a datetime column writes: `sqlTime` text (UTC, milliseconds).
 * Lucid's own `@column.dateTime` writes whole seconds, so an edit in the
 * second of the write before it would read as not later.
 */
export function prepareDateTime(value: unknown, attribute: string) {
  // Text and missing values are written as given, as Lucid does.
  if (typeof value === 'string' || !value) return value
  if (!DateTime.isDateTime(value) || !value.isValid)
    throw new TypeError(`${attribute} must be a valid luxon DateTime`)
  return sqlTime(value.toMillis())
}

const stampedOnCreate = new WeakSet<LucidModel>()

/**
 * Lucid gives each auto column of a new row its own `DateTime.local()`:
 * with milliseconds, `updated_at` could be a millisecond after
 * `created_at` and a new row would read as edited. A `before:create` hook
 * (it runs before Lucid fills them) gives every unset one the same time.
 */
function stampOnCreate(Model: LucidModel) {
  if (stampedOnCreate.has(Model)) return
  stampedOnCreate.add(Model)
  Model.before('create', (row: LucidRow) => {
    const now = DateTime.local()
    for (const [attribute, definition] of Model.$columnsDefinitions) {
      const { type, autoCreate, autoUpdate } = definition.meta ?? {}
      const record = row as unknown as Record<string, unknown>
      if (type === 'datetime' && (autoCreate || autoUpdate) && !record[attribute]) {
        record[attribute] = now
      }
    }
  })
}

/**
 * `@column.dateTime` for every model: the same options, stored with
 * milliseconds, and one time for all auto columns of a new row.
 */
export const dateTimeColumn: DateTimeColumnDecorator = (options) => {
  const decorate = column.dateTime({ ...options, prepare: prepareDateTime })
  return (target, property) => {
    decorate(target, property)
    if (options?.autoCreate || options?.autoUpdate) {
      stampOnCreate(target.constructor as LucidModel)
    }
  }
}
