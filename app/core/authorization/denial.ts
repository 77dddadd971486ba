import { AuthorizationResponse } from '@adonisjs/bouncer'

/**
 * A policy's refusal that carries the error code the API answers with
 * (`authorize()` turns it into an AppException). A policy that returns
 * plain `false` answers 403 `E_FORBIDDEN` with the generic message.
 */
export class Denial extends AuthorizationResponse {
  constructor(
    message: string,
    readonly code: string,
    status: number
  ) {
    super(false)
    this.message = message
    this.status = status
  }
}

/** Refuses with a message the client sees: 403 `E_FORBIDDEN` unless told otherwise. */
export function deny(message: string, options: { status?: number; code?: string } = {}) {
  return new Denial(message, options.code ?? 'E_FORBIDDEN', options.status ?? 403)
}
