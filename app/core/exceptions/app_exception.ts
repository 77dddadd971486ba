import { Exception } from '@adonisjs/core/exceptions'

/**
 * A failure the client can act on. The handler renders it as
 * `{"errors":[{"code","message","field"?}]}` with its status.
 */
export class AppException extends Exception {
  field?: string

  constructor(message: string, options: { status: number; code: string; field?: string }) {
    super(message, { status: options.status, code: options.code })
    this.field = options.field
  }

  static notFound(resource = 'Resource') {
    return new AppException(`${resource} not found`, { status: 404, code: 'E_NOT_FOUND' })
  }

  static forbidden(message = 'You are not allowed to do this') {
    return new AppException(message, { status: 403, code: 'E_FORBIDDEN' })
  }

  static unauthorized(message = 'Missing or invalid credentials', code = 'E_UNAUTHORIZED') {
    return new AppException(message, { status: 401, code })
  }

  static conflict(message: string, field?: string) {
    return new AppException(message, { status: 409, code: 'E_CONFLICT', field })
  }

  static unprocessable(message: string, field?: string, code = 'E_VALIDATION_ERROR') {
    return new AppException(message, { status: 422, code, field })
  }
}
