import { AppException } from '#core/exceptions/app_exception'

/** Ace arguments are strings: a positive integer id, or a clear error (exit 1 via runSafely). */
export function parseId(value: string, name = 'id') {
  const id = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
    throw AppException.unprocessable(`The ${name} must be a positive integer`, name)
  }
  return id
}
