export interface SendFailure {
  /** The server refused this mail for good (5xx to the envelope or message): retrying will not help. */
  permanent: boolean
  /** A short description for the outbox row (no message content). */
  error: string
}

/**
 * Classifies an error from a transport. A refused recipient or message
 * (an SMTP 5xx reply to RCPT TO or DATA) is permanent; everything else
 * (connection refused, timeouts, 4xx replies, a rejected login that the
 * operator can fix) is tried again later.
 */
export function sendFailure(error: unknown): SendFailure {
  const err = (error ?? {}) as {
    name?: string
    code?: string
    responseCode?: number
    response?: string
    message?: string
  }
  const refused = ['EENVELOPE', 'EMESSAGE'].includes(err.code ?? '')
  const permanent =
    refused &&
    typeof err.responseCode === 'number' &&
    err.responseCode >= 500 &&
    err.responseCode < 600
  const reply = err.response ? String(err.response).split('\n')[0] : undefined
  const parts = [err.code ?? err.name ?? 'Error', reply ?? err.message].filter(Boolean)
  return { permanent, error: parts.join(': ').slice(0, 500) }
}
