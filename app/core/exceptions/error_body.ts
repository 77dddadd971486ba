import { errors as vineErrors } from '@vinejs/vine'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { errors as coreErrors } from '@adonisjs/core'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { AppException } from '#core/exceptions/app_exception'
import { isRedisOutage } from '#core/process/is_redis_outage'

export interface ErrorItem {
  code: string
  message: string
  field?: string
}

export interface ErrorBody {
  status: number
  errors: ErrorItem[]
  headers?: Record<string, string>
}

const UNIQUE_VIOLATIONS = new Set([
  'ER_DUP_ENTRY',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
])
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_ACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'E_DATABASE_UNAVAILABLE',
  // Lock conflicts: nothing was written, the same request can be sent again.
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
])

/**
 * zlib and brotli refusing a request body sent with `Content-Encoding: gzip|deflate|br`: the
 * body parser is the only code that inflates, so these are always the client's data.
 */
function isBadCompressedBody(error: { code?: unknown }) {
  const code = String(error.code ?? '')
  return /^Z_(DATA_ERROR|BUF_ERROR|NEED_DICT)$|^ERR__ERROR_/.test(code)
}

/** MariaDB's max_statement_time (config/database.ts); mysql2 has no name for it. */
const STATEMENT_TIMEOUT_ERRNO = 1969

const GENERIC: Record<number, [string, string]> = {
  400: ['E_BAD_REQUEST', 'The request could not be understood'],
  401: ['E_UNAUTHORIZED', 'Missing or invalid credentials'],
  403: ['E_FORBIDDEN', 'You are not allowed to do this'],
  404: ['E_NOT_FOUND', 'Resource not found'],
  405: ['E_METHOD_NOT_ALLOWED', 'Method not allowed'],
  409: ['E_CONFLICT', 'The request conflicts with the current state'],
  413: ['E_PAYLOAD_TOO_LARGE', 'The request body is too large'],
  415: ['E_UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type'],
  422: ['E_VALIDATION_ERROR', 'The request is invalid'],
  429: ['E_TOO_MANY_REQUESTS', 'Too many requests'],
  503: ['E_SERVICE_UNAVAILABLE', 'A dependency is unavailable, try again later'],
}

function generic(status: number): ErrorBody {
  const [code, message] = GENERIC[status] ?? ['E_INTERNAL', 'Internal server error']
  return { status, errors: [{ code, message }] }
}

/**
 * Maps any thrown value to the public error shape of docs/api.md. Only messages
 * written for clients pass through; everything else gets a generic text,
 * so no SQL, stack or secret can reach a response.
 */
export function toErrorBody(error: any): ErrorBody {
  // The cache wraps what a cache-aside loader threw; judge the original.
  if (error?.code === 'E_FACTORY_ERROR' && error.cause) return toErrorBody(error.cause)

  if (error instanceof AppException) {
    const item: ErrorItem = { code: error.code!, message: error.message }
    if (error.field) item.field = error.field
    return { status: error.status, errors: [item] }
  }

  if (error instanceof vineErrors.E_VALIDATION_ERROR) {
    return {
      status: 422,
      errors: (error.messages as { field: string; message: string; rule: string }[]).map((m) => ({
        code: 'E_VALIDATION_ERROR',
        message: m.message,
        field: m.field,
      })),
    }
  }

  if (error instanceof authErrors.E_UNAUTHORIZED_ACCESS) {
    return generic(401)
  }
  if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
    return {
      status: 401,
      errors: [{ code: 'E_INVALID_CREDENTIALS', message: 'Invalid credentials' }],
    }
  }

  if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
    const retryAfter = String(Math.max(1, error.response.availableIn))
    return {
      status: 429,
      headers: { 'Retry-After': retryAfter },
      errors: [
        {
          code: 'E_TOO_MANY_REQUESTS',
          message: `Too many requests, retry in ${retryAfter} seconds`,
        },
      ],
    }
  }

  if (
    error instanceof coreErrors.E_ROUTE_NOT_FOUND ||
    error instanceof lucidErrors.E_ROW_NOT_FOUND
  ) {
    return generic(404)
  }

  if (error && typeof error === 'object') {
    if (UNIQUE_VIOLATIONS.has(error.code)) {
      return {
        status: 409,
        errors: [{ code: 'E_CONFLICT', message: 'A record with these values already exists' }],
      }
    }
    if (
      UNAVAILABLE.has(error.code) ||
      error.errno === STATEMENT_TIMEOUT_ERRNO ||
      error.name === 'KnexTimeoutError' ||
      isRedisOutage(error)
    ) {
      return generic(503)
    }
    if (isBadCompressedBody(error)) return generic(400)
    // Body parser and other framework HTTP errors carry a 4xx status of their own.
    const status = Number(error.status ?? error.statusCode)
    if (status >= 400 && status < 500) {
      // Framework 422s are body-parser refusals (JSON that is not an object or array).
      return generic(GENERIC[status] && status !== 422 ? status : 400)
    }
    if (status === 503) return generic(503)
  }

  return generic(500)
}
